/** Toy-text environments with discrete state: FrozenLake. */
package io.jgym.envs.toytext;
