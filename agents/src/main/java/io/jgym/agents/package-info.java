/**
 * Reinforcement-learning agents on deeplearning4j, registered as the trainers {@code dqn} and
 * {@code rl4j-dqn} (see {@code META-INF/services/io.jgym.contracts.training.TrainerProvider}). They
 * see only the {@code Env} contract, so the same code trains in-process or against any gym-http-api
 * server ({@link io.jgym.agents.AgentEnvironments} opens either from a config's {@code env} and
 * {@code server}), and they train through the {@code Trainer} contract shared with the generative
 * models, returning a {@code Policy}.
 */
package io.jgym.agents;
