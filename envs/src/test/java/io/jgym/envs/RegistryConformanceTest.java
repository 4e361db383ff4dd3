package io.jgym.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.Step;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every registered environment must have, checked over the whole registry. */
class RegistryConformanceTest {
    private static final int STEPS = 300;

    static Stream<EnvSpec> specs() {
        return EnvRegistry.discover().specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void seededRunsAreDeterministicAndStayInsideTheSpaces(EnvSpec spec) {
        List<Value> first = rollout(spec, 11);
        assertEquals(first, rollout(spec, 11), spec.id() + ": same seed, same observations");
        assertNotEquals(first, rollout(spec, 12), spec.id() + ": another seed should give another trajectory");
    }

    /** Random actions from a seeded sampler; checks every observation against the space. */
    private static List<Value> rollout(EnvSpec spec, long seed) {
        List<Value> observations = new ArrayList<>();
        try (Env env = spec.make()) {
            NumpyGenerator sampler = NumpyGenerator.seeded(seed);
            Value obs = env.reset(seed).observation();
            for (int t = 0; t < STEPS; t++) {
                assertTrue(env.observationSpace().contains(obs), spec.id() + " t=" + t + ": " + obs + " outside " + env.observationSpace());
                observations.add(obs);
                Step step = env.step(env.actionSpace().sample(sampler));
                assertTrue(Double.isFinite(step.reward()), spec.id() + ": reward " + step.reward());
                obs = step.done() ? env.reset().observation() : step.observation();
            }
        }
        return observations;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void steppingBeforeResetIsAClearErrorAndClosingTwiceIsSafe(EnvSpec spec) {
        Env env = spec.make();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> env.step(env.actionSpace().sample(NumpyGenerator.seeded(0))));
        assertEquals("Cannot call step before reset: call reset first", e.getMessage());
        env.close();
        env.close();
        assertThrows(IllegalStateException.class, env::reset, "a closed environment refuses to reset");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void actionsOutsideTheSpaceAreRefused(EnvSpec spec) {
        try (Env env = spec.make()) {
            env.reset(0);
            Value outside = env.actionSpace() instanceof Discrete d ? Value.of(d.start() + d.n())
                    : Value.of(new float[((Box) env.actionSpace()).size() + 1]);
            assertThrows(IllegalArgumentException.class, () -> env.step(outside));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void unknownOptionsAreNamed(EnvSpec spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec.make(EnvOptions.of(Map.of("no_such_option", 1))));
        assertTrue(e.getMessage().startsWith("unknown option 'no_such_option' for " + spec.id()), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void timeLimitsTruncateAtTheSpecsLimit(EnvSpec spec) {
        if (spec.maxEpisodeSteps().isEmpty()) {
            return;
        }
        int limit = spec.maxEpisodeSteps().getAsInt();
        try (Env env = spec.make()) {
            NumpyGenerator sampler = NumpyGenerator.seeded(3);
            env.reset(3);
            for (int t = 1; t <= limit; t++) {
                Step step = env.step(env.actionSpace().sample(sampler));
                if (step.terminated()) {
                    return;
                }
                assertEquals(t == limit, step.truncated(), spec.id() + " t=" + t);
            }
        }
    }
}
