package io.jgym.agents.rl4j;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.agents.AgentEnvironments;

/**
 * The settings of an RL4J DQN run, named as RL4J names them; each component is a flag of
 * {@code ./jgym train rl4j-dqn} and a key of the run's {@code config.json}. {@link #defaults()} are
 * the ones of RL4J's own CartPole example (3 dense layers of 16, Adam 5e-4, l2 1e-3, reward scale
 * 0.01, Double DQN), with episodes allowed to run to CartPole-v1's 500 steps.
 */
public record Rl4jDqnConfig(
        @JsonPropertyDescription("Seeds RL4J's networks and exploration, and every episode's reset.")
        long seed,
        @JsonPropertyDescription("Environment id, e.g. CartPole-v1; its actions must be Discrete, starting at 0.")
        String env,
        @JsonPropertyDescription("Base URL of a gym-http-api server, e.g. http://127.0.0.1:5000; in-process when left out.")
        String server,
        @JsonPropertyDescription("Stop after this many environment steps.")
        int maxSteps,
        @JsonPropertyDescription("Longest episode RL4J plays before it cuts it.")
        int maxEpochStep,
        @JsonPropertyDescription("Dense layers in RL4J's standard network.")
        int numLayers,
        @JsonPropertyDescription("Width of each dense layer.")
        int numHiddenNodes,
        @JsonPropertyDescription("Adam step size.")
        double learningRate,
        @JsonPropertyDescription("Weight decay.")
        double l2,
        @JsonPropertyDescription("Replay memory capacity in transitions.")
        int bufferSize,
        @JsonPropertyDescription("Transitions per gradient step.")
        int batchSize,
        @JsonPropertyDescription("Steps between target-network copies.")
        int targetUpdateFreq,
        @JsonPropertyDescription("Steps before learning starts.")
        int updateStart,
        @JsonPropertyDescription("Rewards are multiplied by this before learning.")
        double rewardFactor,
        @JsonPropertyDescription("Discount factor.")
        double gamma,
        @JsonPropertyDescription("TD errors are clamped to this magnitude.")
        double errorClamp,
        @JsonPropertyDescription("Exploration rate reached at the end of the decay.")
        double minEpsilon,
        @JsonPropertyDescription("Steps over which exploration decays linearly from 1.")
        int epsilonSteps,
        @JsonPropertyDescription("Double DQN targets.")
        boolean doubleDqn,
        @JsonPropertyDescription("Stop once the mean return of the last --solve-window episodes reaches this (0: never stop early).")
        double solveReturn,
        @JsonPropertyDescription("Episodes in the moving average of returns.")
        int solveWindow) {

    public Rl4jDqnConfig {
        AgentEnvironments.validate(env, server);
        positive(maxSteps, "--max-steps");
        positive(maxEpochStep, "--max-epoch-step");
        positive(numLayers, "--num-layers");
        positive(numHiddenNodes, "--num-hidden-nodes");
        positive(batchSize, "--batch-size");
        if (bufferSize < batchSize) {
            throw new IllegalArgumentException("--buffer-size (" + bufferSize + ") must hold at least one batch (" + batchSize + ")");
        }
        positive(targetUpdateFreq, "--target-update-freq");
        if (updateStart < 0) {
            throw new IllegalArgumentException("--update-start must not be negative, got " + updateStart);
        }
        positive(epsilonSteps, "--epsilon-steps");
        positive(solveWindow, "--solve-window");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--learning-rate must be positive, got " + learningRate);
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("--l2 must be 0 or positive, got " + l2);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("--gamma must be in [0, 1], got " + gamma);
        }
        if (!(minEpsilon >= 0 && minEpsilon <= 1)) {
            throw new IllegalArgumentException("--min-epsilon must be in [0, 1], got " + minEpsilon);
        }
        if (!(errorClamp > 0)) {
            throw new IllegalArgumentException("--error-clamp must be positive, got " + errorClamp);
        }
        if (!Double.isFinite(rewardFactor) || rewardFactor == 0) {
            throw new IllegalArgumentException("--reward-factor must be a non-zero number, got " + rewardFactor);
        }
        if (!Double.isFinite(solveReturn)) {
            throw new IllegalArgumentException("--solve-return must be a finite number (0: never stop early), got " + solveReturn);
        }
    }

    /** RL4J's CartPole example settings, for CartPole-v1. */
    public static Rl4jDqnConfig defaults() {
        return new Rl4jDqnConfig(1, "CartPole-v1", null, 200_000, 500, 3, 16, 5e-4, 1e-3, 150_000, 32, 500, 10, 0.01,
                0.99, 1.0, 0.1, 1000, true, 0, 100);
    }

    private static void positive(int value, String flag) {
        if (value <= 0) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }
}
