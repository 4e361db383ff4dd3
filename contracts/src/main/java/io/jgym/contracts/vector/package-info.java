/**
 * Vector environments with Gymnasium 1.x semantics: {@link io.jgym.contracts.vector.VectorEnv} steps
 * N sub-environments at once, with batched values ({@link io.jgym.contracts.vector.Batch}), batched
 * spaces ({@link io.jgym.contracts.vector.BatchSpace}) and the three
 * {@link io.jgym.contracts.vector.AutoresetMode}s. In-process and remote implementations share it.
 */
package io.jgym.contracts.vector;
