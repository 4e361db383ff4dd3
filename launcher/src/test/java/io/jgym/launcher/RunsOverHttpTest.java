package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.client.GymServerException;
import io.jgym.client.RunsClient;
import io.jgym.contracts.EnvRegistry;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import io.jgym.server.runs.RunHandlers;
import io.jgym.server.runs.RunsConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training runs over HTTP end to end: a real server whose runs are real {@code jgym train} child
 * processes of the DL4J-free Q-learning plugin, driven through the Java {@link RunsClient}. A run
 * streams its metrics as events, stops with a checkpoint and resumes where it stopped; a child
 * killed -9 is shown failed and resumes from its last checkpoint; the queue keeps to its concurrency limit
 * and a restarted server lists the same runs and starts the ones left queued; the wall-time and
 * disk limits stop runs and say why.
 */
class RunsOverHttpTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A budget no test waits for: such runs end only when stopped. */
    private static final int ENDLESS = 50_000_000;

    /** A started server with runs on, and a client for it. */
    private record Server(GymServer server, RunsClient client, String url) implements AutoCloseable {
        static Server start(RunsConfig runs) {
            GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofHours(1), 1 << 20,
                    runs.runsDir().resolve("monitor"), false), EnvRegistry.discover(),
                    RunHandlers.on(runs, TrainerRegistry.discover(), ChildJvm.likeThisOne())).start();
            String url = "http://127.0.0.1:" + server.port();
            return new Server(server, new RunsClient(url, ""), url);
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static RunsConfig config(Path runs, int concurrent) {
        return new RunsConfig(runs, concurrent, Duration.ofHours(1), 1L << 30);
    }

    private static String state(RunsClient client, String id) {
        return client.runStatus(id).get("state").asText();
    }

    @Test
    void aRunStreamsItsMetricsStopsWithACheckpointAndResumesWhereItStopped(@TempDir Path runs) throws Exception {
        try (Server s = Server.start(config(runs, 2))) {
            String id = s.client().runCreate("q-learning", null, Map.of("episodes", ENDLESS, "checkpointEvery", ENDLESS),
                    "streamed", OptionalLong.of(3));
            assertEquals("streamed", id);
            List<String> events = firstEvents(s.url() + "/v1/runs/streamed/events", 4);
            assertTrue(events.get(0).startsWith("state {"), events.toString());
            assertTrue(events.stream().anyMatch(e -> e.startsWith("metrics {\"charts/episodic_length\":")), events.toString());
            GymServerException busy = assertThrows(GymServerException.class, () -> s.client().runDelete(id));
            assertEquals(400, busy.status());
            assertTrue(busy.getMessage().contains("stop it before deleting"), busy.getMessage());
            assertEquals(400, assertThrows(GymServerException.class, () -> s.client().runResume(id, Map.of())).status());

            assertEquals("running", s.client().runStop(id), "a stop is asked for; the run checkpoints and ends");
            JsonNode stopped = s.client().runWait(id, PATIENCE);
            assertEquals("stopped", stopped.get("state").asText(), stopped.toString());
            long first = stopped.get("episodes").asLong();
            assertTrue(first > 0, stopped.toString());
            assertEquals(3, stopped.at("/config/seed").asInt(), "the seed given is the config's seed");
            assertTrue(Files.isDirectory(runs.resolve(id).resolve(String.format("checkpoints/episode-%08d", first))),
                    "the stop wrote a checkpoint of every episode reported");

            assertTrue(List.of("queued", "running").contains(s.client().runResume(id, Map.of())));
            await(() -> s.client().runStatus(id).get("episodes").asLong() > first + 100, "the resumed run goes on");
            s.client().runStop(id);
            JsonNode again = s.client().runWait(id, PATIENCE);
            assertEquals("stopped", again.get("state").asText(), again.toString());
            long episodes = again.get("episodes").asLong();
            JsonNode rows = s.client().runMetrics(id, 0).get("rows");
            assertEquals(episodes, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i, rows.get(i).get("episode").asLong(), "no episode lost or repeated across the stop");
            }
            assertEquals('P', s.client().runFile(id, "learning-curve.png")[1]);
            String csv = new String(s.client().runFile(id, "metrics.csv"), StandardCharsets.UTF_8);
            assertEquals(episodes + 1, csv.lines().count());
        }
    }

    @Test
    void aChildKilledWithSignal9IsShownFailedAndResumesFromItsLastCheckpoint(@TempDir Path runs) throws Exception {
        try (Server s = Server.start(config(runs, 2))) {
            String id = s.client().runCreate("q-learning", null, Map.of("episodes", ENDLESS, "checkpointEvery", 100), "killed",
                    OptionalLong.empty());
            await(() -> checkpointed(runs.resolve(id)), "a checkpoint was written");
            long pid = io.jgym.runs.RunStatus.read(runs.resolve(id)).orElseThrow().pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            JsonNode failed = s.client().runWait(id, PATIENCE);
            assertEquals("failed", failed.get("state").asText(), failed.toString());
            assertTrue(failed.get("message").asText().contains("137") || failed.get("message").asText().contains("killed"), failed.toString());
            assertFalse(failed.get("log_tail").asText().isEmpty(), "a failed run shows the end of its log");

            s.client().runResume(id, Map.of());
            await(() -> s.client().runStatus(id).get("state").asText().equals("running"), "the run trains again");
            s.client().runStop(id);
            JsonNode stopped = s.client().runWait(id, PATIENCE);
            assertEquals("stopped", stopped.get("state").asText(), stopped.toString());
            JsonNode rows = s.client().runMetrics(id, 0).get("rows");
            assertEquals(stopped.get("episodes").asLong(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i, rows.get(i).get("episode").asLong(), "resumed from the checkpoint: the rows after it were replaced");
            }
        }
    }

    @Test
    void theQueueKeepsItsLimitAndARestartedServerListsTheSameRunsAndStartsTheQueuedOnes(@TempDir Path runs) throws Exception {
        try (Server s = Server.start(config(runs, 1))) {
            s.client().runCreate("q-learning", null, Map.of("episodes", ENDLESS), "first", OptionalLong.empty());
            s.client().runCreate("q-learning", null, Map.of("episodes", 50), "second", OptionalLong.empty());
            await(() -> state(s.client(), "first").equals("running"), "the first run trains");
            assertEquals("queued", state(s.client(), "second"), "one run at a time");
        }
        // The server stopped its running child (with a checkpoint) and left the queued run queued on disk.
        try (Server restarted = Server.start(config(runs, 1))) {
            JsonNode listed = restarted.client().runList();
            assertEquals(2, listed.size(), listed.toString());
            assertEquals("stopped", state(restarted.client(), "first"));
            JsonNode second = restarted.client().runWait("second", PATIENCE);
            assertEquals("finished", second.get("state").asText(), "a restarted server starts the runs left queued: " + second);
            assertEquals(50, second.get("episodes").asLong());
            assertEquals(1.0, second.get("progress").asDouble());
            restarted.client().runDelete("second");
            assertEquals(1, restarted.client().runList().size());
        }
    }

    @Test
    void runsOverTheirWallTimeOrDiskLimitAreStoppedAndSaySo(@TempDir Path runs) throws Exception {
        try (Server timed = Server.start(new RunsConfig(runs.resolve("timed"), 1, Duration.ofSeconds(2), 1L << 30));
             Server sized = Server.start(new RunsConfig(runs.resolve("sized"), 1, Duration.ofHours(1), 1L << 20))) {
            timed.client().runCreate("q-learning", null, Map.of("episodes", ENDLESS), "slow", OptionalLong.empty());
            sized.client().runCreate("q-learning", null, Map.of("episodes", ENDLESS), "big", OptionalLong.empty());
            JsonNode slow = timed.client().runWait("slow", PATIENCE);
            assertEquals("stopped", slow.get("state").asText(), slow.toString());
            assertTrue(slow.get("message").asText().contains("--max-run-time"), slow.toString());
            JsonNode big = sized.client().runWait("big", PATIENCE);
            assertEquals("stopped", big.get("state").asText(), big.toString());
            assertTrue(big.get("message").asText().contains("--max-run-bytes"), big.toString());
        }
        try (Server restarted = Server.start(new RunsConfig(runs.resolve("timed"), 1, Duration.ofHours(1), 1L << 30))) {
            assertTrue(restarted.client().runStatus("slow").get("message").asText().contains("--max-run-time"),
                    "the reason is kept in the run's status");
        }
    }

    private static boolean checkpointed(Path folder) {
        java.io.File[] found = folder.resolve("checkpoints").toFile().listFiles();
        return found != null && found.length > 0;
    }

    /** The first {@code count} events of a stream as "type data" lines. */
    private static List<String> firstEvents(String url, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> events = new java.util.ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = null;
            for (String line = lines.readLine(); line != null && events.size() < count; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(type + " " + line.substring(6));
                }
            }
        }
        return events;
    }

    /** Polls {@code condition} until it holds, failing after a minute. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
