package io.jgym.envs.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays Gymnasium 1.2.3's vector fixtures ({@code src/test/resources/parity/vector/}, copied from
 * the shared set) through the in-process vector environments: the generic {@link SyncVectorEnv}
 * for every fixture and the structure-of-arrays {@link CartPoleVectorEnv} for the CartPole ones.
 * Observations, rewards, flags, infos (values, masks and dtypes) and partial resets must match
 * exactly; Pendulum's floats within 1e-6, as the fixtures' README allows for its sin/cos.
 */
class VectorParityTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(VectorParityTest.class.getResource("/parity/vector").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(Arguments.of(p.getFileName().toString(), p, "sync"));
                if (p.getFileName().toString().startsWith("CartPole")) {
                    out.add(Arguments.of(p.getFileName().toString(), p, "structure-of-arrays"));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("fixtures")
    void replaysFixtureExactly(String name, Path fixture, String implementation) throws IOException {
        JsonNode root = JSON.readTree(fixture.toFile());
        assertEquals("gym-vector-parity-fixture/1", root.get("schema").asText());
        EnvSpec spec = REGISTRY.spec(root.get("env_id").asText());
        int n = root.get("num_envs").asInt();
        AutoresetMode mode = AutoresetMode.parse(root.get("autoreset_mode").asText());
        double tolerance = name.startsWith("Pendulum") ? 1e-6 : 0;
        for (JsonNode run : root.get("runs")) {
            try (VectorEnv env = implementation.equals("sync") ? VectorEnvs.sync(spec, n, mode, Map.of()) : VectorEnvs.make(spec, n, mode, Map.of())) {
                assertEquals(implementation.equals("sync"), env instanceof SyncVectorEnv, "implementation picked");
                replay(name + " seed " + run.get("seed"), run, env, tolerance);
            }
        }
    }

    private static void replay(String where, JsonNode run, VectorEnv env, double tolerance) {
        VectorReset reset = env.reset(run.get("seed").asLong());
        assertReset(where + " reset", run.get("reset"), reset, tolerance);
        for (JsonNode record : run.get("steps")) {
            String at = where + " t=" + record.get("t");
            VectorStep step = env.step(actions(record.get("actions"), env.singleActionSpace(), env.numEnvs()));
            JsonTrees.assertSame(at + " observations", record.get("observations"), JsonTrees.batch(step.observations()), tolerance);
            JsonTrees.assertSame(at + " rewards", record.get("rewards"), JsonTrees.doubles(step.rewards()), tolerance);
            JsonTrees.assertSame(at + " terminations", record.get("terminations"), JsonTrees.bools(step.terminations()), 0);
            JsonTrees.assertSame(at + " truncations", record.get("truncations"), JsonTrees.bools(step.truncations()), 0);
            assertInfos(at, record, step.infos(), tolerance);
            JsonNode partial = record.get("partial_reset");
            if (partial != null) {
                boolean[] mask = new boolean[env.numEnvs()];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = step.done(i);
                }
                JsonTrees.assertSame(at + " reset_mask", partial.get("reset_mask"), JsonTrees.bools(mask), 0);
                assertReset(at + " partial reset", partial, env.reset(OptionalLong.empty(), mask), tolerance);
            }
        }
    }

    private static void assertReset(String at, JsonNode expected, VectorReset reset, double tolerance) {
        JsonTrees.assertSame(at + " observations", expected.get("observations"), JsonTrees.batch(reset.observations()), tolerance);
        assertInfos(at, expected, reset.infos(), tolerance);
    }

    private static void assertInfos(String at, JsonNode record, Map<String, Object> infos, double tolerance) {
        JsonTrees.assertSame(at + " infos", record.get("infos"), JsonTrees.infos(infos), tolerance);
        if (record.has("info_dtypes")) {
            assertEquals(record.get("info_dtypes"), JsonTrees.dtypes(infos), at + " info dtypes");
        }
    }

    /** The recorded actions as a batch of the single action space's layout. */
    static Batch actions(JsonNode actions, Space single, int n) {
        List<Value> values = new ArrayList<>(n);
        for (JsonNode a : actions) {
            if (single instanceof Box) {
                float[] v = new float[a.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) a.get(k).asDouble();
                }
                values.add(Value.of(v));
            } else {
                values.add(Value.of(a.asLong()));
            }
        }
        return Batch.stack(values, single);
    }
}
