package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gymnasium reference trajectories replayed through the HTTP API: an instance per seed, resets
 * with the recorded seeds (or none, continuing the generator), the recorded actions, and the same
 * observations, rewards and done flags for the first 250 steps of every episode (beyond that,
 * CartPole's chaos turns last-bit trig differences into visible ones; the envs module checks those
 * steps teacher-forced). The fixtures live in the envs module's test resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXACT_STEPS = 250;

    Path dataRoot;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataRoot = dir;
        server = new TestServer(dataRoot);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("jgym.parity.dir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureReplaysExactlyOverHttp(String fixture) throws IOException {
        JsonNode root = JSON.readTree(Path.of(System.getProperty("jgym.parity.dir"), fixture + ".json").toFile());
        String create = "{\"env_id\":\"" + root.get("made_id").asText() + "\",\"kwargs\":" + root.get("make_kwargs") + "}";
        double rewardTolerance = fixture.startsWith("Pendulum") ? 1e-6 : 1e-9;
        for (JsonNode run : root.get("runs")) {
            String id = server.create(create);
            int episodeIndex = 0;
            for (JsonNode episode : run.get("episodes")) {
                String where = fixture + " seed " + run.get("seed") + " episode " + episodeIndex++;
                String resetBody = episode.get("reset_seed").isNull() ? "{}" : "{\"seed\":" + episode.get("reset_seed") + "}";
                JsonNode reset = JSON.readTree(server.post("/v1/envs/" + id + "/reset/", resetBody).body());
                assertSameObservation(where + " reset", episode.get("reset").get("observation"), reset.get("observation"));
                for (JsonNode step : episode.get("steps")) {
                    if (step.get("t").asInt() >= EXACT_STEPS) {
                        break;
                    }
                    String at = where + " t=" + step.get("t");
                    TestServer.Response r = server.post("/v1/envs/" + id + "/step/", "{\"action\":" + step.get("action") + "}");
                    assertEquals(200, r.status(), at + " " + r.body());
                    JsonNode got = JSON.readTree(r.body());
                    assertSameObservation(at, step.get("observation"), got.get("observation"));
                    assertEquals(step.get("reward").asDouble(), got.get("reward").asDouble(), rewardTolerance, at + " reward");
                    assertEquals(step.get("terminated").asBoolean() || step.get("truncated").asBoolean(), got.get("done").asBoolean(), at + " done");
                }
            }
            server.post("/v1/envs/" + id + "/close/", null);
        }
    }

    /**
     * Integers must be equal; float32 values within the fixtures' max(1e-6, 1e-5 relative), which
     * allows for last-bit differences between Java's and glibc's sin/cos (none occur in these files).
     */
    private static void assertSameObservation(String at, JsonNode expected, JsonNode got) {
        if (!expected.isArray()) {
            assertEquals(expected.asLong(), got.asLong(), at + " observation");
            return;
        }
        assertEquals(expected.size(), got.size(), at + " observation size");
        for (int i = 0; i < expected.size(); i++) {
            float want = (float) expected.get(i).asDouble();
            float value = (float) got.get(i).asDouble();
            assertEquals(want, value, (float) Math.max(1e-6, 1e-5 * Math.abs(want)), at + " observation[" + i + "]");
        }
    }
}
