package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures a careless or hostile client could provoke on the unhardened server, one test each:
 * monitor files lost or 500s on odd directories, an instance cap that parallel creates overshot,
 * Jetty's own HTML errors, requests accepted with garbage after the JSON, messages echoing huge
 * bodies, unbounded recordings and episodes, plus the limits, token, health, metrics and idle
 * eviction that guard a shared server. Every server here runs on port 0 with a real HTTP client.
 */
class HardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataRoot;

    private static String message(TestServer.Response r) throws Exception {
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return JSON.readTree(r.body()).get("message").asText();
    }

    private static void runEpisode(TestServer server, String id, int maxSteps) throws Exception {
        server.post("/v1/envs/" + id + "/reset/", null);
        for (int i = 0; i < maxSteps; i++) {
            if (JSON.readTree(server.post("/v1/envs/" + id + "/step/", "{\"action\":0}").body()).get("done").asBoolean()) {
                return;
            }
        }
    }

    @Test
    void forceOnAFolderOfPngRecordingsClearsOnlyMonitorFiles() throws Exception {
        try (TestServer server = new TestServer(dataRoot)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":1}");
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/",
                    "{\"directory\":\"pngtest\",\"video_callable\":true,\"video_format\":\"png\"}").status());
            runEpisode(server, id, 600);
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
            Path dir = dataRoot.resolve("pngtest");
            Files.writeString(dir.resolve("notes.txt"), "mine");
            Files.createDirectories(dir.resolve("openaigym.video.keep"));
            Files.writeString(dir.resolve("openaigym.video.keep").resolve("README"), "not a frame");

            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"pngtest\",\"force\":true}").status());
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertTrue(names.contains("notes.txt") && names.contains("openaigym.video.keep"), names.toString());
                assertEquals(1, names.stream().filter(n -> n.endsWith(".stats.json")).count(), names.toString());
                assertFalse(names.stream().anyMatch(n -> n.matches("openaigym\\.video\\.\\d+\\.\\d+\\.video\\d+")), names.toString());
            }
        }
    }

    @Test
    void aMonitorDirectoryThatIsAFileIsA400AndTheFileIsKept() throws Exception {
        Files.writeString(dataRoot.resolve("taken"), "data");
        try (TestServer server = new TestServer(dataRoot)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\"}");
            TestServer.Response r = server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"taken\",\"force\":true}");
            assertEquals(400, r.status());
            assertEquals("Monitor directory 'taken' names an existing file, not a directory", message(r));
            TestServer.Response inside = server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"taken/sub\"}");
            assertEquals(400, inside.status(), inside.body());
            assertFalse(message(inside).contains(dataRoot.toString()), inside.body());
            assertEquals("data", Files.readString(dataRoot.resolve("taken")));
        }
    }

    @Test
    void aMonitorThatCannotWriteKeepsTheStepAndReportsAtClose() throws Exception {
        try (TestServer server = new TestServer(dataRoot)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":3}");
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"vanishing\"}").status());
            Path dir = dataRoot.resolve("vanishing");
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
            Files.writeString(dir, "now a file");
            server.post("/v1/envs/" + id + "/reset/", null);
            TestServer.Response step;
            do {
                step = server.post("/v1/envs/" + id + "/step/", "{\"action\":1}");
                assertEquals(200, step.status(), "a step already taken is answered: " + step.body());
            } while (!JSON.readTree(step.body()).get("done").asBoolean());
            TestServer.Response close = server.post("/v1/envs/" + id + "/monitor/close/", null);
            assertEquals(400, close.status());
            assertTrue(message(close).startsWith("The monitor stopped writing: "), close.body());
            assertFalse(close.body().contains(dataRoot.toString()), close.body());
        }
    }

    @Test
    void parallelCreatesNeverOvershootTheCap() throws Exception {
        try (TestServer server = new TestServer(dataRoot, 5, false)) {
            int clients = 40;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"}").status();
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                assertTrue(status == 200 || status == 400, "status " + status);
                accepted += status == 200 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(5, accepted);
            assertEquals(5, JSON.readTree(server.get("/v1/envs/").body()).get("envs").size());
        }
    }

    @Test
    void eachClientAddressHasItsOwnCap() throws Exception {
        ServerConfig config = TestServer.config(dataRoot, 10, false).withInstanceLimits(10, 2);
        try (TestServer server = new TestServer(config, System::nanoTime)) {
            server.create("{\"env_id\":\"CartPole-v1\"}");
            String second = server.create("{\"env_id\":\"CartPole-v1\"}");
            TestServer.Response third = server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"}");
            assertEquals(400, third.status());
            assertTrue(message(third).contains("from your address (limit 2 per client)"), third.body());
            server.post("/v1/envs/" + second + "/close/", null);
            assertEquals(200, server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"}").status(), "closing gives the place back");
        }
    }

    @Test
    void jettyLevelErrorsAreJsonToo() throws Exception {
        try (TestServer server = new TestServer(dataRoot)) {
            int port = server.server.port();
            RawHttp.Answer percent = RawHttp.exchange(port, "GET /v1/envs/%zz/action_space HTTP/1.1\r\nHost: x\r\n\r\n", false);
            assertEquals(400, percent.status(), percent.body());
            assertTrue(percent.headers().contains("Content-Type: application/json"), percent.headers());
            assertTrue(JSON.readTree(percent.body()).get("message").isTextual(), percent.body());

            RawHttp.Answer header = RawHttp.exchange(port, "GET /v1/envs/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", false);
            assertEquals(431, header.status(), header.body());
            assertTrue(header.headers().contains("Content-Type: application/json"), header.headers());
            assertEquals("Request headers too large", JSON.readTree(header.body()).get("message").asText());

            RawHttp.Answer early = RawHttp.exchange(port, "POST /v1/envs/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"env_id\":\"Ca", true);
            assertEquals(400, early.status(), early.body());
            assertTrue(early.body().startsWith("{\"message\":\"The request could not be read"), early.body());

            TestServer.Response wrongMethod = server.get("/v1/envs/deadbeef/step/");
            assertEquals(405, wrongMethod.status());
            assertTrue(message(wrongMethod).startsWith("Method GET not allowed on /v1/envs/deadbeef/step/"), wrongMethod.body());
        }
    }

    @Test
    void garbageAfterTheJsonIsRefusedAndMessagesQuoteOnlyAPrefix() throws Exception {
        try (TestServer server = new TestServer(dataRoot)) {
            TestServer.Response trailing = server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"} trailing");
            assertEquals(400, trailing.status());
            assertTrue(message(trailing).startsWith("Request is not a valid json"), trailing.body());

            String id = server.create("{\"env_id\":\"CartPole-v1\"}");
            server.post("/v1/envs/" + id + "/reset/", null);
            String huge = "[" + "1,".repeat(25_000) + "1]";
            TestServer.Response invalid = server.post("/v1/envs/" + id + "/step/", "{\"action\":" + huge + "}");
            assertEquals(400, invalid.status());
            assertTrue(invalid.body().length() < 400, invalid.body().length() + " bytes");
            assertTrue(message(invalid).startsWith("Invalid action [1,1,1,"), invalid.body());
        }
    }

    @Test
    void monitoredEpisodesAndRecordingsAreBounded() throws Exception {
        ServerConfig config = TestServer.config(dataRoot, 10, false).withMonitorLimits(1L << 30, 30, 5, 1L << 20);
        try (TestServer server = new TestServer(config, System::nanoTime)) {
            String id = server.create("{\"env_id\":\"CliffWalking-v1\"}");
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/",
                    "{\"directory\":\"cliff\",\"video_callable\":true}").status());
            server.post("/v1/envs/" + id + "/reset/", null);
            JsonNode step = null;
            int steps = 0;
            while (steps < 100 && (step == null || !step.get("done").asBoolean())) {
                step = JSON.readTree(server.post("/v1/envs/" + id + "/step/", "{\"action\":0}").body());
                steps++;
            }
            assertEquals(30, steps, "walking into the wall forever is cut at --max-monitored-episode-steps");
            assertTrue(step.get("info").get("TimeLimit.truncated").asBoolean(), step.toString());
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
            Path dir = dataRoot.resolve("cliff");
            try (Stream<Path> files = Files.list(dir)) {
                Path stats = files.filter(p -> p.toString().endsWith(".stats.json")).findFirst().orElseThrow();
                assertEquals("[30]", JSON.readTree(stats.toFile()).get("episode_lengths").toString());
            }
            String metrics = server.get("/metrics").body();
            assertTrue(metrics.contains("jgym_monitor_recordings_cut_total 1.0"), "5-frame limit cut the recording");
        }
    }

    @Test
    void allRecordingsTogetherStopAtTheDiskLimit() throws Exception {
        ServerConfig config = TestServer.config(dataRoot, 10, false).withMonitorLimits(2048, 1000, 10_000, 1L << 20);
        try (TestServer server = new TestServer(config, System::nanoTime)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/",
                    "{\"directory\":\"quota\",\"video_callable\":true,\"video_format\":\"png\"}").status());
            for (int episode = 0; episode < 3; episode++) {
                runEpisode(server, id, 600);
            }
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
            long frames;
            try (Stream<Path> files = Files.walk(dataRoot.resolve("quota"))) {
                frames = files.filter(p -> p.getFileName().toString().startsWith("frame")).count();
            }
            assertTrue(frames >= 1 && frames <= 2, "a PNG frame is over 1 KB, so 2 KB in all stops after one or two: " + frames);
        }
    }

    @Test
    void aTokenGuardsEveryRoute() throws Exception {
        ServerConfig config = TestServer.config(dataRoot, 10, false).withToken("s3cret-token");
        try (TestServer server = new TestServer(config, System::nanoTime)) {
            for (String path : List.of("/v1/envs/", "/v1/health", "/metrics", "/v1/envs/deadbeef/action_space", "/nowhere")) {
                TestServer.Response r = server.get(path);
                assertEquals(401, r.status(), path);
                assertTrue(message(r).startsWith("This server needs a token"), r.body());
            }
            TestServer.Response wrong = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v1/envs/"))
                    .header("Authorization", "Bearer wrong-token").GET().build());
            assertEquals(401, wrong.status());
            TestServer.Response right = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v1/envs/"))
                    .header("Authorization", "Bearer s3cret-token").GET().build());
            assertEquals(200, right.status(), right.body());
        }
    }

    @Test
    void healthAndMetricsReportTheServer() throws Exception {
        try (TestServer server = new TestServer(dataRoot)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\"}");
            server.post("/v1/envs/" + id + "/reset/", null);
            server.post("/v1/envs/" + id + "/step/", "{\"action\":1}");
            JsonNode health = JSON.readTree(server.get("/v1/health").body());
            assertEquals("ok", health.get("status").asText());
            assertEquals(1, health.get("instances").asInt());
            assertTrue(health.get("uptime_seconds").asDouble() >= 0);
            assertTrue(health.get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), health.toString());

            TestServer.Response metrics = server.get("/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
            String text = metrics.body();
            for (String expected : List.of("jgym_instances 1.0", "jgym_step_seconds_bucket{le=", "jgym_step_seconds_count 1",
                    "http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/v1/envs/{id}/step\"} 1",
                    "http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/v1/envs\"} 1",
                    "jgym_instances_evicted_total 0.0", "jgym_monitor_written_bytes_total", "jgym_monitor_disk_bytes", "jvm_memory_used_bytes")) {
                assertTrue(text.contains(expected), "missing " + expected);
            }
        }
    }

    @Test
    void idleInstancesAreEvictedOnTheServersClock() throws Exception {
        AtomicLong clock = new AtomicLong();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 64 * 1024, dataRoot, false);
        try (TestServer server = new TestServer(config, clock::get)) {
            String idle = server.create("{\"env_id\":\"CartPole-v1\"}");
            String busy = server.create("{\"env_id\":\"CartPole-v1\"}");
            clock.addAndGet(Duration.ofMinutes(4).toNanos());
            server.post("/v1/envs/" + busy + "/reset/", null);
            clock.addAndGet(Duration.ofMinutes(2).toNanos());
            assertEquals(1, server.server.evictIdle());
            assertEquals("Instance_id " + idle + " unknown", message(server.post("/v1/envs/" + idle + "/reset/", null)));
            assertEquals(200, server.post("/v1/envs/" + busy + "/reset/", null).status());
            assertTrue(server.get("/metrics").body().contains("jgym_instances_evicted_total 1.0"));
            assertEquals(360.0, JSON.readTree(server.get("/v1/health").body()).get("uptime_seconds").asDouble(), 1e-9);
        }
    }

    @Test
    void statsAreRewrittenAtMostOnceASecondOnTheServersClock() throws Exception {
        AtomicLong clock = new AtomicLong();
        try (TestServer server = new TestServer(TestServer.config(dataRoot, 10, false), clock::get)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"often\"}").status());
            for (int episode = 0; episode < 3; episode++) {
                runEpisode(server, id, 600);
            }
            assertEquals(1, episodesInStats(dataRoot.resolve("often")), "written after the first episode, then held back");
            clock.addAndGet(1_000_000_000L);
            runEpisode(server, id, 600);
            assertEquals(4, episodesInStats(dataRoot.resolve("often")), "a second later the next episode writes them all");
            runEpisode(server, id, 600);
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
            assertEquals(5, episodesInStats(dataRoot.resolve("often")), "close writes what was held back");
        }
    }

    private static int episodesInStats(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            Path stats = files.filter(p -> p.toString().endsWith(".stats.json")).findFirst().orElseThrow();
            return JSON.readTree(stats.toFile()).get("episode_lengths").size();
        }
    }

    @Test
    void configErrorsNameTheFlags() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TestServer.config(dataRoot, 0, false));
        assertEquals("--max-instances must be positive, got 0", e.getMessage());
        IllegalArgumentException token = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TestServer.config(dataRoot, 1, false).withToken("short"));
        assertTrue(token.getMessage().startsWith("--token must be"), token.getMessage());
    }
}
