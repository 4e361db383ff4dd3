/**
 * RL4J's DQN (rl4j-core's {@code QLearningDiscreteDense}) over the same {@code Env} contract as
 * jgym's own DQN, so the two can be compared on equal terms.
 */
package io.jgym.agents.rl4j;
