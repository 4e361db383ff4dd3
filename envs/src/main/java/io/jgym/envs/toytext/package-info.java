/** Toy-text environments with discrete state: FrozenLake, CliffWalking, Taxi, Blackjack. */
package io.jgym.envs.toytext;
