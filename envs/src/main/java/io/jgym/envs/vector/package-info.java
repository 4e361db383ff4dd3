/**
 * In-process vector environments: {@link io.jgym.envs.vector.SyncVectorEnv} over any registered
 * environment, {@link io.jgym.envs.vector.CartPoleVectorEnv} stepping N cart-poles in tight loops over
 * primitive arrays, and {@link io.jgym.envs.vector.VectorEnvs}, which picks one for an id.
 */
package io.jgym.envs.vector;
