package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.server.runs.RunHandlers;
import io.jgym.server.runs.RunsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runs routes over real HTTP against a real runs folder, without starting a training: what a
 * client relies on before any process runs (bad requests refused with 400 and a message that names
 * what was wrong, and no run folder made), the views of runs found on disk (a run made as the
 * command line makes one), its metrics page by page and as an event stream, file serving confined
 * to the run folder, the token, and the routes answering 403 when runs are off. The end-to-end
 * tests with child processes are in the launcher module, where {@code jgym train} is on the class path.
 */
class RunsRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            {"trainer": "q-learning", "preset": "default", "seed": 1, "jgym": "test",
             "config": {"seed": 1, "env": "FrozenLake-v1", "episodes": 4, "learningRate": 0.1, "gamma": 0.99,
                        "epsilonStart": 1.0, "epsilonEnd": 0.05, "explorationEpisodes": 2000, "checkpointEvery": 500}}
            """;
    private static final String METRICS = """
            episode,total_steps,charts/episodic_return,losses/td_error
            0,8,0.0,0.5
            1,15,1.0,
            2,30,0.0,0.25
            3,41,1.0,0.125
            """;

    @TempDir
    Path root;
    private Path runs;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        runs = root.resolve("runs");
        Path done = Files.createDirectories(runs.resolve("from-the-cli"));
        Files.writeString(done.resolve("config.json"), CONFIG);
        Files.writeString(done.resolve("metrics.csv"), METRICS);
        Files.createDirectories(done.resolve("samples"));
        Files.write(done.resolve("samples/epoch-1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        new RunStatus(RunStatus.State.FINISHED, 0, "elsewhere", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:01:00Z"), 4, "").write(done);
        Files.writeString(root.resolve("secret.txt"), "not for clients");
        server = new TestServer(TestServer.config(root.resolve("monitor"), 10, false),
                RunHandlers.on(new RunsConfig(runs, 1, Duration.ofHours(1), 1L << 30), TrainerRegistry.discover(), ChildJvm.likeThisOne()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(TestServer.Response r) throws IOException {
        return JSON.readTree(r.body());
    }

    private List<String> folders() throws IOException {
        try (Stream<Path> listed = Files.list(runs)) {
            return listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void trainersAreListedWithPresetsAndSettings() throws IOException {
        TestServer.Response r = server.get("/v1/trainers");
        assertEquals(200, r.status(), r.body());
        JsonNode q = null;
        for (JsonNode trainer : json(r).get("trainers")) {
            if (trainer.get("name").asText().equals("q-learning")) {
                q = trainer;
            }
        }
        assertTrue(q != null, r.body());
        assertEquals(5000, q.at("/presets/default/episodes").asInt());
        assertEquals("FrozenLake-v1", q.at("/presets/default/env").asText());
        assertEquals("[\"episodes\"]", q.get("budget").toString());
        JsonNode first = q.get("settings").get(0);
        assertEquals("seed", first.get("key").asText());
        assertEquals("--seed", first.get("flag").asText());
        assertEquals("integer", first.get("type").asText());
        assertFalse(first.get("description").asText().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown trainer|{\"trainer\": \"no-such-trainer\"}|unknown trainer 'no-such-trainer'; trainers: q-learning",
        "missing trainer|{\"config\": {}}|'trainer' was not provided",
        "bad config key|{\"trainer\": \"q-learning\", \"config\": {\"learningRat\": 0.5}}|Unknown config key 'learningRat' for q-learning",
        "bad value|{\"trainer\": \"q-learning\", \"config\": {\"episodes\": -3}}|--episodes must be positive, got -3",
        "wrong type|{\"trainer\": \"q-learning\", \"config\": {\"gamma\": \"high\"}}|--gamma",
        "unknown preset|{\"trainer\": \"q-learning\", \"preset\": \"fast\"}|Unknown preset 'fast'; choose default",
        "bad seed|{\"trainer\": \"q-learning\", \"seed\": -1}|'seed' must be a non-negative integer",
        "unknown parameter|{\"trainer\": \"q-learning\", \"epochs\": 3}|Unknown parameter 'epochs'",
        "bad name|{\"trainer\": \"q-learning\", \"name\": \"../escape\"}|A run name is a plain folder name",
        "taken name|{\"trainer\": \"q-learning\", \"name\": \"from-the-cli\"}|A run named 'from-the-cli' exists already",
        "not json|{trainer|Request is not a valid json",
        "config not an object|{\"trainer\": \"q-learning\", \"config\": [1]}|'config' must be an object",
        "value like a flag|{\"trainer\": \"q-learning\", \"config\": {\"env\": \"--runs-dir=/tmp\"}}|Config key 'env' cannot start with '-'",
    })
    void badRequestsAreRefusedBeforeAnyProcessStarts(String what, String body, String message) throws IOException {
        List<String> before = folders();
        TestServer.Response r = server.post("/v1/runs/", body);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"));
        String said = json(r).get("message").asText();
        assertTrue(said.toLowerCase().contains(message.toLowerCase()), what + ": " + said);
        assertFalse(said.contains(root.toString()), "no server path in " + said);
        assertEquals(before, folders(), "no run folder was made");
    }

    @Test
    void aRunFromTheCommandLineIsListedWithItsStateProgressAndLastMetrics() throws IOException {
        JsonNode list = json(server.get("/v1/runs/"));
        assertEquals(1, list.get("runs").size(), list.toString());
        JsonNode run = list.get("runs").get(0);
        assertEquals("from-the-cli", run.get("id").asText());
        assertEquals("q-learning", run.get("trainer").asText());
        assertEquals("finished", run.get("state").asText());
        assertEquals(4, run.get("episodes").asInt());
        assertEquals(1.0, run.get("progress").asDouble());
        assertEquals(0.125, run.at("/last/losses~1td_error").asDouble());
        assertEquals("charts/episodic_return", run.get("key_metric").asText(), "the first metric the trainer declares");

        JsonNode detail = json(server.get("/v1/runs/from-the-cli"));
        assertEquals(0.99, detail.at("/config/gamma").asDouble());
        assertEquals("[\"charts/episodic_return\",\"losses/td_error\"]", detail.get("metrics").toString());
        assertTrue(detail.get("files").toString().contains("samples/epoch-1.png"), detail.toString());
    }

    @Test
    void metricsComePageByPageFromAnEpisode() throws IOException {
        JsonNode all = json(server.get("/v1/runs/from-the-cli/metrics"));
        assertEquals(4, all.get("rows").size());
        assertEquals(4, all.get("next").asInt());
        assertTrue(all.get("rows").get(1).get("losses/td_error").isNull(), "an unmeasured value is null");
        JsonNode page = json(server.get("/v1/runs/from-the-cli/metrics?since=2&limit=1"));
        assertEquals(1, page.get("rows").size());
        assertEquals(30, page.at("/rows/0/total_steps").asInt());
        assertEquals(3, page.get("next").asInt());
        TestServer.Response bad = server.get("/v1/runs/from-the-cli/metrics?since=soon");
        assertEquals(400, bad.status());
        assertTrue(json(bad).get("message").asText().contains("'since'"), bad.body());
    }

    @Test
    void theEventStreamOfAnEndedRunSendsItsStateRowsAndEnd() {
        TestServer.Response r = server.get("/v1/runs/from-the-cli/events?since=3");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/event-stream"), r.contentType());
        String body = r.body();
        assertTrue(body.contains("event: state\ndata: {"), body);
        assertTrue(body.contains("event: metrics\nid: 3\ndata: {\"charts/episodic_return\":1.0,\"episode\":3,"), body);
        assertFalse(body.contains("id: 2\n"), "rows before ?since are not sent: " + body);
        assertTrue(body.endsWith("event: end\ndata: {\"id\":\"from-the-cli\",\"state\":\"finished\"}\n\n"), body);
    }

    @Test
    void aReconnectingEventStreamContinuesAfterItsLastEventId() {
        TestServer.Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/runs/from-the-cli/events"))
                .header("Last-Event-ID", "1").GET().build());
        assertFalse(r.body().contains("id: 1\n"), r.body());
        assertTrue(r.body().contains("id: 2\n") && r.body().contains("id: 3\n"), r.body());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "0|3600|1073741824|--max-concurrent-runs must be positive, got 0",
        "1|0|1073741824|--max-run-time must be positive",
        "1|3600|1000|--max-run-bytes must be at least 1 MiB",
    })
    void runLimitsNameTheFlagOfABadValue(int concurrent, long seconds, long bytes, String message) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RunsConfig(runs, concurrent, Duration.ofSeconds(seconds), bytes));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void filesAreServedFromInsideTheRunFolderOnly() throws IOException {
        TestServer.Response csv = server.get("/v1/runs/from-the-cli/files/metrics.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertEquals(METRICS, csv.body());
        assertEquals("image/png", server.getBytes("/v1/runs/from-the-cli/files/samples/epoch-1.png").headers()
                .firstValue("Content-Type").orElse(""));
        Files.createSymbolicLink(runs.resolve("from-the-cli/link.txt"), root.resolve("secret.txt"));
        for (String path : List.of("..%2F..%2Fsecret.txt", "%2E%2E/%2E%2E/secret.txt", "link.txt", "samples/..%2F..%2F..%2Fsecret.txt")) {
            TestServer.Response r = server.get("/v1/runs/from-the-cli/files/" + path);
            assertTrue(r.status() == 400 || r.status() == 404, path + ": " + r.status() + " " + r.body());
            assertFalse(r.body().contains("not for clients"), path);
            assertFalse(r.body().contains(root.toString()), path + ": " + r.body());
        }
        assertEquals(404, server.get("/v1/runs/from-the-cli/files/samples/epoch-9.png").status());
    }

    @Test
    void unknownRunsAndWrongStatesAreRefused() throws IOException {
        for (String route : List.of("/v1/runs/no-such-run", "/v1/runs/no-such-run/metrics", "/v1/runs/no-such-run/events")) {
            TestServer.Response r = server.get(route);
            assertEquals(400, r.status(), route);
            assertTrue(json(r).get("message").asText().contains("No run 'no-such-run'"), r.body());
        }
        TestServer.Response stop = server.post("/v1/runs/from-the-cli/stop", null);
        assertEquals(400, stop.status());
        assertTrue(json(stop).get("message").asText().contains("is not running"), stop.body());
        TestServer.Response resume = server.post("/v1/runs/from-the-cli/resume", "{\"config\": {\"gamma\": 0.5}}");
        assertEquals(400, resume.status());
        assertTrue(json(resume).get("message").asText().contains("leave out config key(s) gamma"), resume.body());
        TestServer.Response shrink = server.post("/v1/runs/from-the-cli/resume", "{\"config\": {\"episodes\": 2}}");
        assertEquals(400, shrink.status());
        assertTrue(json(shrink).get("message").asText().contains("--episodes can only grow"), shrink.body());
    }

    @Test
    void deletingAnEndedRunRemovesItsFolder() throws IOException {
        assertEquals(204, server.send("DELETE", "/v1/runs/from-the-cli", null).status());
        assertEquals(List.of(), folders());
        assertEquals(400, server.send("DELETE", "/v1/runs/from-the-cli", null).status());
    }

    @Test
    void everyRunsRouteNeedsTheTokenButTheDashboardPageDoesNot() throws Exception {
        String token = "runs-token-123";
        try (TestServer guarded = new TestServer(TestServer.config(root.resolve("monitor"), 10, false).withToken(token),
                RunHandlers.on(new RunsConfig(runs, 1, Duration.ofHours(1), 1L << 30), TrainerRegistry.discover(), ChildJvm.likeThisOne()))) {
            for (String route : List.of("/v1/runs/", "/v1/runs/from-the-cli", "/v1/trainers", "/v1/runs/from-the-cli/files/metrics.csv",
                    "//v1/runs/", "/v1/runs/from-the-cli/events")) {
                assertEquals(401, guarded.get(route).status(), route);
            }
            assertEquals(401, guarded.send("DELETE", "/v1/runs/from-the-cli", null).status());
            TestServer.Response authorized = guarded.send(HttpRequest.newBuilder(URI.create(guarded.base() + "/v1/runs/"))
                    .header("Authorization", "Bearer " + token).GET().build());
            assertEquals(200, authorized.status());
            TestServer.Response page = guarded.get("/");
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html") && page.body().contains("jgym"), page.contentType());
            assertEquals(200, guarded.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status());
        }
        assertTrue(Files.isDirectory(runs.resolve("from-the-cli")), "nothing was deleted without the token");
    }

    @Test
    void runsRoutesSayHowToTurnRunsOnWhenTheyAreOff() throws IOException {
        try (TestServer plain = new TestServer(root.resolve("monitor"))) {
            TestServer.Response r = plain.post("/v1/runs/", "{\"trainer\": \"q-learning\"}");
            assertEquals(403, r.status());
            assertTrue(json(r).get("message").asText().contains("--allow-runs"), r.body());
            assertEquals(403, plain.get("/v1/runs/").status());
        }
    }
}
