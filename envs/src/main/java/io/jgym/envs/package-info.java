/** The classic Gymnasium environments, registered through {@link io.jgym.envs.ClassicEnvProvider}. */
package io.jgym.envs;
