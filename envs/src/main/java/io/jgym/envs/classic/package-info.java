/** Classic-control environments with continuous state: CartPole, MountainCar (discrete and continuous), Acrobot, Pendulum. */
package io.jgym.envs.classic;
