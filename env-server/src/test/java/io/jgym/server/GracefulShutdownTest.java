package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process in the middle of a recorded episode: the process exits, and the
 * monitor has finished its GIF under its final name (no temporary files left), written its stats
 * and a manifest that lists the recording.
 */
class GracefulShutdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    @Test
    void sigtermDuringARecordingLeavesCompleteFiles(@TempDir Path dataRoot) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServeUntilSignalled.class.getName(), dataRoot.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("PORT "), "server said " + first);
            int port = Integer.parseInt(first.substring(5).strip());

            String id = post(port, "/v1/envs/", "{\"env_id\":\"CartPole-v1\",\"seed\":0}").get("instance_id").asText();
            post(port, "/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"run\",\"video_callable\":true}");
            post(port, "/v1/envs/" + id + "/reset/", "{}");
            for (int i = 0; i < 5; i++) {
                assertFalse(post(port, "/v1/envs/" + id + "/step/", "{\"action\":" + (i % 2) + "}").get("done").asBoolean());
            }

            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not exit after SIGTERM");
            assertEquals(143, server.exitValue(), "a JVM ended by SIGTERM exits with 128 + 15");
        } finally {
            server.destroyForcibly();
        }

        Path dir = dataRoot.resolve("run");
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(3, names.size(), "a GIF, a manifest and a stats file, nothing temporary: " + names);
        String gif = names.stream().filter(n -> n.endsWith(".gif")).findFirst().orElseThrow();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve(gif).toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(6, reader.getNumImages(true), "the reset and five steps");
        }
        String manifestName = names.stream().filter(n -> n.endsWith(".manifest.json")).findFirst().orElseThrow();
        JsonNode manifest = JSON.readTree(dir.resolve(manifestName).toFile());
        assertEquals(gif, manifest.get("videos").get(0).get(0).asText());
        JsonNode stats = JSON.readTree(dir.resolve(manifest.get("stats").asText()).toFile());
        assertEquals(0, stats.get("episode_lengths").size(), "the unfinished episode is not counted, as in gym");
        assertTrue(stats.get("initial_reset_timestamp").isNumber());
    }
}
