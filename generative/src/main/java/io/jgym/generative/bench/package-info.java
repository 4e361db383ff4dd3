/**
 * Timing of the generative trainers' minibatch updates against their PyTorch peers
 * ({@code bench/peers/generative.sh}): each trainer's default networks and data pipeline, one
 * minibatch at a time, with the data written out so the peer trains on exactly the same batches.
 */
package io.jgym.generative.bench;
