package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.vector.BatchWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests on the vecenv routes: random JSON bodies built from the routes' own keys with
 * odd values, random and truncated binary bodies, odd content types and Accept headers, live and
 * unknown ids. No answer may be a 5xx; a refusal is a 400 with exactly {@code {"message": ...}};
 * the server stays healthy. Seeded, so a failure replays.
 */
class VectorFuzzTest {
    private static final int REQUESTS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENVS = List.of("CartPole-v1", "Pendulum-v1", "FrozenLake-v1", "Blackjack-v1");
    private static final List<String> KEYS = List.of("env_id", "num_envs", "seed", "kwargs", "autoreset_mode", "actions", "options");
    private static final List<String> VALUES = List.of("0", "1", "-1", "2", "4", "5000", "1.5", "1e400", "null", "true", "\"\"",
            "\"x\"", "\"CartPole-v1\"", "\"Pendulum-v1\"", "\"same_step\"", "\"disabled\"", "\"Disabled\"", "[]", "[0]", "[0,1,0,1]",
            "[1,1]", "[[0.5],[0.5],[0.5],[0.5]]", "[true,false,true,false]", "{}", "{\"reset_mask\":[true,false,false,false]}",
            "{\"reset_mask\":[false,false,false,false]}", "{\"reset_mask\":[1,0]}", "{\"reset_mask\":\"yes\"}", "{\"is_slippery\":false}",
            "9223372036854775807", "[null,null,null,null]", "[\"a\",1,2,3]");
    private static final List<String> ROUTES = List.of("/v1/vecenvs/", "/v1/vecenvs/{id}/reset/", "/v1/vecenvs/{id}/step/",
            "/v1/vecenvs/{id}/action_space/", "/v1/vecenvs/{id}/observation_space/", "/v1/vecenvs/{id}/close/");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void noVecenvRequestGetsA5xxOrAnUnpromisedAnswer(@TempDir Path dataRoot) throws Exception {
        Random random = new Random(17);
        try (TestServer server = new TestServer(dataRoot, 200, false)) {
            List<String> ids = new ArrayList<>();
            for (String env : ENVS) {
                ids.add(JSON.readTree(server.post("/v1/vecenvs/", "{\"env_id\":\"" + env + "\",\"num_envs\":4}").body()).get("instance_id").asText());
            }
            for (int i = 0; i < REQUESTS; i++) {
                String route = ROUTES.get(random.nextInt(ROUTES.size()));
                String id = random.nextInt(10) == 0 ? "0badc0de" : ids.get(random.nextInt(ids.size()));
                String path = route.replace("{id}", id);
                boolean binaryBody = random.nextInt(4) == 0;
                byte[] body = binaryBody ? binaryBody(random) : jsonBody(random).getBytes();
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                        .method(route.endsWith("space/") && random.nextBoolean() ? "GET" : "POST", HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", binaryBody || random.nextInt(8) == 0 ? BatchWire.MEDIA_TYPE : "application/json");
                if (random.nextBoolean()) {
                    b.header("Accept", BatchWire.MEDIA_TYPE);
                }
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                String type = r.headers().firstValue("Content-Type").orElse("");
                String what = path + " " + new String(body).replaceAll("[^ -~]", "?") + " -> " + r.statusCode() + " " + type + " "
                        + new String(r.body());
                assertTrue(r.statusCode() < 500, what);
                if (r.statusCode() >= 400) {
                    JsonNode error = JSON.readTree(r.body());
                    assertTrue(type.startsWith("application/json") && error.size() == 1 && error.path("message").isTextual(), what);
                } else if (type.equals(BatchWire.MEDIA_TYPE)) {
                    BatchWire.read(r.body());
                } else if (r.statusCode() != 204) {
                    JsonNode answer = JSON.readTree(r.body());
                    if (answer.has("instance_id") && ids.size() < 40) {
                        ids.add(answer.get("instance_id").asText());
                    }
                }
            }
            assertEquals(200, server.get("/v1/health").status());
        }
    }

    private static String jsonBody(Random random) {
        StringBuilder out = new StringBuilder("{");
        int keys = random.nextInt(4);
        for (int k = 0; k < keys; k++) {
            out.append(k == 0 ? "" : ",").append('"').append(KEYS.get(random.nextInt(KEYS.size()))).append("\":")
                    .append(VALUES.get(random.nextInt(VALUES.size())));
        }
        String text = out.append('}').toString();
        return random.nextInt(10) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
    }

    /** A well-formed actions message of a random type and size, or one cut short, or random bytes. */
    private static byte[] binaryBody(Random random) {
        int n = random.nextInt(6);
        BatchWire.Writer w = new BatchWire.Writer();
        switch (random.nextInt(4)) {
            case 0 -> w.longs("actions", random.longs(n, -1, 3).toArray(), n);
            case 1 -> w.floats("actions", new float[n], n, 1);
            case 2 -> w.bools("actions", new boolean[n]);
            default -> w.text("infos", "{}");
        }
        byte[] message = w.toBytes();
        int mode = random.nextInt(3);
        if (mode == 0) {
            return message;
        }
        if (mode == 1) {
            return java.util.Arrays.copyOf(message, random.nextInt(message.length));
        }
        byte[] junk = new byte[random.nextInt(64)];
        random.nextBytes(junk);
        if (junk.length >= 4 && random.nextBoolean()) {
            System.arraycopy("JGB1".getBytes(), 0, junk, 0, 4);
        }
        return junk;
    }
}
