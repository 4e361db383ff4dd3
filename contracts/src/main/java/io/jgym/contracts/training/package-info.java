/**
 * The training contract shared by the agents and the generative models: {@link
 * io.jgym.contracts.training.Trainer} and its {@link io.jgym.contracts.training.TrainerProvider}
 * (found through {@code ServiceLoader}), the {@link io.jgym.contracts.training.TrainingContext} a
 * run gets, declared {@link io.jgym.contracts.training.Metric}s, one
 * {@link io.jgym.contracts.training.CheckpointStore}, and what training returns. No deep-learning
 * library here: trainers on DL4J live in the agents and generative modules.
 */
package io.jgym.contracts.training;
