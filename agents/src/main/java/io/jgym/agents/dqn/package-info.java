/**
 * The epsilon-greedy, experience-replay DQN: {@link io.jgym.agents.dqn.DqnConfig} holds every
 * setting, {@link io.jgym.agents.dqn.DqnProvider} registers it, {@link io.jgym.agents.dqn.DqnTrainer}
 * runs the loop, {@link io.jgym.agents.dqn.GreedyPolicy} is the trained agent, and each component
 * (replay buffer, epsilon schedule, target update, learner, checkpoint files) is its own class.
 */
package io.jgym.agents.dqn;
