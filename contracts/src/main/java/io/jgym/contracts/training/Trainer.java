package io.jgym.contracts.training;

/**
 * Owns one training loop: the DQN agent and every generative model implement this, so one runner,
 * one report format and one benchmark serve both halves of jgym.
 */
public interface Trainer {

    /** Runs training to completion, reporting each episode to {@code listener}. */
    void train(TrainingListener listener);
}
