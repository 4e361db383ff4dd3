package io.jgym.contracts;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A registered environment, as Gymnasium's {@code EnvSpec}: its id, how to build it, and the time
 * limit and reward threshold that belong to the id rather than to the environment's code.
 *
 * @param id               {@code Name-vN}
 * @param factory          builds a fresh, un-limited environment from creation options
 * @param maxEpisodeSteps  steps after which {@link TimeLimit} truncates an episode, if any
 * @param rewardThreshold  return at which the task counts as solved, if defined
 */
public record EnvSpec(String id, Function<EnvOptions, Env> factory, OptionalInt maxEpisodeSteps,
                      OptionalDouble rewardThreshold) {
    public EnvSpec {
        if (!id.matches("([A-Za-z0-9_./:-]+/)?[A-Za-z0-9_.-]+-v\\d+")) {
            throw new IllegalArgumentException("environment id must look like Name-vN, got '" + id + "'");
        }
        maxEpisodeSteps.ifPresent(limit -> {
            if (limit < 1) {
                throw new IllegalArgumentException("max_episode_steps must be positive for " + id);
            }
        });
    }

    /** Builds the environment, wrapped in {@link TimeLimit} when the spec has a limit. */
    public Env make(EnvOptions options) {
        Env env = factory.apply(options);
        return maxEpisodeSteps.isPresent() ? new TimeLimit(env, maxEpisodeSteps.getAsInt()) : env;
    }

    /** Builds the environment with default options. */
    public Env make() {
        return make(EnvOptions.none());
    }
}
