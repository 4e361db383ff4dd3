/**
 * TensorBoard event files for every run folder, so TensorBoard, W&B ({@code wandb sync}) and
 * Aim read jgym runs: {@link io.jgym.runs.tensorboard.TensorBoardListener} writes each episode's
 * metrics as scalars and the pictures a trainer draws (PNG, GIF) as images into
 * {@code events.out.tfevents.<time>.<host>}. The few protobuf fields of TensorFlow's
 * {@code Event}/{@code Summary} messages and the TFRecord framing are written by hand, without
 * generated code or a protobuf dependency.
 */
package io.jgym.runs.tensorboard;
