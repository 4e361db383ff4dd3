package io.jgym.contracts.training;

import java.util.List;

/**
 * Owns one training loop: jgym's DQN, RL4J's DQN and every generative model implement this, so one
 * runner, one run folder, one checkpoint store and one benchmark serve both halves of jgym. A
 * trainer is made by its {@link TrainerProvider} from a validated config; it continues from the
 * newest checkpoint in {@link TrainingContext#checkpoints()} when there is one, reports each episode
 * through {@link TrainingContext#report}, stops at its budget, when it decides to stop early, or when
 * {@link TrainingContext#stopRequested()}, and returns what it trained.
 *
 * @param <M> what training produces: a {@link Policy} for agents, a {@link Sampler} for generative models
 */
public interface Trainer<M> extends AutoCloseable {

    /** Every metric this trainer may report, known before training starts; reporting any other is an error. */
    List<Metric> metrics();

    /** Trains until the budget is spent, the trainer stops early or a stop is requested; see {@link Trained#outcome()}. */
    Trained<M> train(TrainingContext context);

    /** Releases what the trainer opened (an environment, a connection); training data stays with the caller. */
    @Override
    default void close() {
    }
}
