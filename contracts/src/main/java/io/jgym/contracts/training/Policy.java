package io.jgym.contracts.training;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Value;
import java.util.function.Consumer;

/**
 * What a trained agent is used for: choosing an action for an observation, greedily (no
 * exploration, no learning). {@code eval}, {@code play}, the in-training greedy checks and the
 * benchmark play episodes through this, for jgym's DQN and RL4J's alike.
 */
@FunctionalInterface
public interface Policy {

    /**
     * The reset seed of the first episode of a greedy evaluation (episode {@code i} uses this plus
     * {@code i}): far from the seeds training episodes use, and the same for the greedy checks during
     * training, {@code eval} and the benchmark's final-policy column, so their figures compare.
     */
    long EVALUATION_SEED = 1_000_000;

    /** The action for {@code observation}, an element of the environment's action space. */
    Value act(Value observation);

    /** Plays one episode from reset seed {@code seed}, showing every step to {@code observer}; returns its return. */
    default double playEpisode(Env env, long seed, Consumer<Step> observer) {
        Value observation = env.reset(seed).observation();
        double total = 0;
        Step step;
        do {
            step = env.step(act(observation));
            observer.accept(step);
            total += step.reward();
            observation = step.observation();
        } while (!step.done());
        return total;
    }

    /** Returns of {@code episodes} episodes; episode {@code i} is reset with {@code firstSeed + i}, so it is repeatable. */
    default double[] returns(Env env, int episodes, long firstSeed) {
        double[] returns = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            returns[i] = playEpisode(env, firstSeed + i, step -> { });
        }
        return returns;
    }
}
