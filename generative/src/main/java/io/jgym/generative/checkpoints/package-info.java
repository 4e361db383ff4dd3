/**
 * What the generative trainers put into a checkpoint of the engine's store: their networks with the
 * optimiser state (DL4J's {@code .zip}, SameDiff's {@code .sd}) and small properties files (the
 * image shape a sampler draws, an autoencoder's code area).
 */
package io.jgym.generative.checkpoints;
