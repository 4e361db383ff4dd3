/** The Java client for gym-http-api servers: {@link io.jgym.client.GymClient} and {@link io.jgym.client.RemoteEnv}. */
package io.jgym.client;
