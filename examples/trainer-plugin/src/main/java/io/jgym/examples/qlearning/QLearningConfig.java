package io.jgym.examples.qlearning;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Settings of {@code q-learning}: tabular Q-learning with epsilon-greedy exploration on an
 * environment whose observations and actions are both Discrete (FrozenLake, Taxi, CliffWalking).
 * Each component is a flag of {@code ./jgym train q-learning} and a key of the run's config.json.
 */
public record QLearningConfig(
        @JsonPropertyDescription("Seeds exploration and every episode's reset.")
        long seed,
        @JsonPropertyDescription("Environment id; observations and actions must be Discrete.")
        String env,
        @JsonPropertyDescription("Episodes to train.")
        long episodes,
        @JsonPropertyDescription("Step size of each Q-value update.")
        double learningRate,
        @JsonPropertyDescription("Discount factor.")
        double gamma,
        @JsonPropertyDescription("Exploration rate of the first episode.")
        double epsilonStart,
        @JsonPropertyDescription("Exploration rate it falls to, linearly.")
        double epsilonEnd,
        @JsonPropertyDescription("Episodes over which exploration falls from start to end.")
        long explorationEpisodes,
        @JsonPropertyDescription("Episodes between checkpoints (the last episode is always checkpointed).")
        int checkpointEvery) {

    public QLearningConfig {
        require(env != null && !env.isBlank(), "--env must name an environment");
        require(episodes > 0, "--episodes must be positive, got " + episodes);
        require(learningRate > 0 && learningRate <= 1, "--learning-rate must be in (0, 1], got " + learningRate);
        require(gamma >= 0 && gamma <= 1, "--gamma must be in [0, 1], got " + gamma);
        require(epsilonStart >= 0 && epsilonStart <= 1, "--epsilon-start must be in [0, 1], got " + epsilonStart);
        require(epsilonEnd >= 0 && epsilonEnd <= epsilonStart, "--epsilon-end must be in [0, epsilon-start], got " + epsilonEnd);
        require(explorationEpisodes > 0, "--exploration-episodes must be positive, got " + explorationEpisodes);
        require(checkpointEvery > 0, "--checkpoint-every must be positive, got " + checkpointEvery);
    }

    /** FrozenLake's 4x4 slippery lake: about 0.7 of greedy episodes reach the goal after 5,000 episodes. */
    public static QLearningConfig defaults() {
        return new QLearningConfig(1, "FrozenLake-v1", 5_000, 0.1, 0.99, 1.0, 0.05, 2_000, 500);
    }

    /** The exploration rate of episode {@code episode}. */
    public double epsilon(long episode) {
        double done = Math.min(1.0, (double) episode / explorationEpisodes);
        return epsilonStart + done * (epsilonEnd - epsilonStart);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
