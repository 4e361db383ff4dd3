/** Classic-control environments with continuous state: CartPole. */
package io.jgym.envs.classic;
