package io.jgym.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.TimeLimit;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Value;
import io.jgym.envs.classic.CartPole;
import io.jgym.envs.toytext.Blackjack;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every Gymnasium reference trajectory in {@code src/test/resources/parity/} (copied from
 * the shared fixtures) against the registered environment: same seed, same recorded actions, and
 * the observations, rewards, flags and info must agree as the fixtures' README prescribes.
 *
 * <p>Toy-text environments must agree exactly. Classic-control observations are compared in
 * float32 within max(1e-6, 1e-5 relative), because Java's {@code Math.sin/cos} can differ from
 * glibc in the last bit. CartPole amplifies such a bit e-fold every 12 steps, so from step 250 on
 * each step is teacher-forced from the recorded double state and checked to 1e-12.
 */
class GymnasiumParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    private static final int CARTPOLE_OPEN_LOOP_STEPS = 250;

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(GymnasiumParityTest.class.getResource("/parity").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void replaysFixtureStepForStep(Path fixture) throws IOException {
        JsonNode root = JSON.readTree(fixture.toFile());
        assertEquals("gym-parity-fixture/1", root.path("schema").asText(), fixture + " is not a trajectory fixture");
        String id = root.get("made_id").asText();
        EnvSpec spec = REGISTRY.spec(id);
        JsonNode limit = root.get("spec").get("max_episode_steps");
        JsonNode threshold = root.get("spec").get("reward_threshold");
        assertEquals(limit.isNull() ? OptionalInt.empty() : OptionalInt.of(limit.asInt()), spec.maxEpisodeSteps(), "time limit");
        assertEquals(threshold.isNull() ? OptionalDouble.empty() : OptionalDouble.of(threshold.asDouble()), spec.rewardThreshold(), "threshold");
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = JSON.convertValue(root.get("make_kwargs"), Map.class);
        boolean pendulum = id.startsWith("Pendulum");
        for (JsonNode run : root.get("runs")) {
            Env inner = spec.factory().apply(EnvOptions.of(kwargs));
            try (Env env = spec.maxEpisodeSteps().isPresent() ? new TimeLimit(inner, spec.maxEpisodeSteps().getAsInt()) : inner) {
                replayRun(id, run, env, inner, pendulum ? 1e-6 : 1e-9);
            }
        }
    }

    private void replayRun(String id, JsonNode run, Env env, Env inner, double rewardTolerance) {
        NumpyGenerator sampler = null;
        int episodeIndex = 0;
        for (JsonNode episode : run.get("episodes")) {
            String where = id + " seed " + run.get("seed") + " episode " + episodeIndex++;
            if (!episode.get("action_space_seed").isNull()) {
                sampler = NumpyGenerator.seeded(episode.get("action_space_seed").asLong());
            }
            JsonNode resetSeed = episode.get("reset_seed");
            Reset reset = resetSeed.isNull() ? env.reset() : env.reset(resetSeed.asLong());
            assertObservation(where + " reset", episode.get("reset").get("observation"), reset.observation(), Tolerance.ONE_ULP);
            assertHands(where + " reset", episode.get("reset"), inner);
            boolean sampled = episode.get("policy").asText().equals("sample");
            for (JsonNode step : episode.get("steps")) {
                int t = step.get("t").asInt();
                String at = where + " t=" + t;
                Value action = action(step.get("action"));
                if (sampled && sampler != null) {
                    assertEquals(action, env.actionSpace().sample(sampler), at + " action_space.sample()");
                }
                if (inner instanceof CartPole cartPole && t >= CARTPOLE_OPEN_LOOP_STEPS) {
                    cartPole.setState(doubles(episode.get("steps").get(t - 1).get("internal").get("state")));
                    Step s = env.step(action);
                    double[] expected = doubles(step.get("internal").get("state"));
                    double[] got = cartPole.state();
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], got[i], 1e-12, at + " teacher-forced state[" + i + "]");
                    }
                    assertFlags(at, step, s);
                    continue;
                }
                Step s = env.step(action);
                assertObservation(at, step.get("observation"), s.observation(), Tolerance.CLASSIC_CONTROL);
                assertEquals(step.get("reward").asDouble(), s.reward(), rewardTolerance, at + " reward");
                assertFlags(at, step, s);
                assertHands(at, step, inner);
                JsonNode info = step.get("info");
                if (info != null && info.has("prob")) {
                    assertEquals(info.get("prob").asDouble(), ((Number) s.info().get("prob")).doubleValue(), at + " info.prob");
                }
                if (info != null && info.has("action_mask")) {
                    assertEquals(info.get("action_mask").toString(), JSON.valueToTree(s.info().get("action_mask")).toString(), at + " info.action_mask");
                }
            }
        }
    }

    private static void assertFlags(String at, JsonNode step, Step s) {
        assertEquals(step.get("terminated").asBoolean(), s.terminated(), at + " terminated");
        assertEquals(step.get("truncated").asBoolean(), s.truncated(), at + " truncated");
    }

    private static Value action(JsonNode action) {
        if (action.isArray()) {
            float[] v = new float[action.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) action.get(i).asDouble();
            }
            return Value.of(v);
        }
        return Value.of(action.asLong());
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** How closely float32 observations must agree (integers always agree exactly). */
    private enum Tolerance {
        /** Resets: no trig is involved except Acrobot's float32 cos/sin of the reset state. */
        ONE_ULP,
        /** Steps: max(1e-6, 1e-5 relative), for last-bit differences between Java's and glibc's trig. */
        CLASSIC_CONTROL
    }

    /** Blackjack's hidden hands must match too, or a later draw would be taken for the wrong card. */
    private static void assertHands(String at, JsonNode recorded, Env inner) {
        JsonNode internal = recorded.get("internal");
        if (inner instanceof Blackjack blackjack && internal != null && internal.has("player")) {
            List<List<Integer>> hands = blackjack.hands();
            assertEquals(internal.get("player").toString(), JSON.valueToTree(hands.get(0)).toString(), at + " player hand");
            assertEquals(internal.get("dealer").toString(), JSON.valueToTree(hands.get(1)).toString(), at + " dealer hand");
        }
    }

    private static void assertObservation(String at, JsonNode expected, Value got, Tolerance tolerance) {
        if (expected.isArray() && got instanceof Value.Floats f) {
            float[] v = f.values();
            assertEquals(expected.size(), v.length, at + " observation size");
            for (int i = 0; i < v.length; i++) {
                float want = (float) expected.get(i).asDouble();
                float allowed = tolerance == Tolerance.ONE_ULP ? Math.ulp(want) : (float) Math.max(1e-6, 1e-5 * Math.abs(want));
                assertEquals(want, v[i], allowed, at + " observation[" + i + "]");
            }
        } else if (expected.isArray() && got instanceof Value.Tuple tuple) {
            List<Value> items = tuple.items();
            for (int i = 0; i < items.size(); i++) {
                assertObservation(at + "[" + i + "]", expected.get(i), items.get(i), tolerance);
            }
        } else {
            assertTrue(got instanceof Value.Int, at + " expected an integer observation, got " + got);
            assertEquals(expected.asLong(), ((Value.Int) got).value(), at + " observation");
        }
    }
}
