/**
 * The epsilon-greedy, experience-replay DQN: {@link io.jgym.agents.dqn.DqnConfig} holds every
 * hyper-parameter, {@link io.jgym.agents.dqn.DqnTrainer} runs the loop, and each component
 * (replay buffer, epsilon schedule, target update, learner, checkpoint) is its own class.
 */
package io.jgym.agents.dqn;
