package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Property-based fuzzing of a live server: 10,000 random requests (routes real and made up, every
 * method, JSON bodies built from the API's own keys with hostile values, garbage bodies, odd
 * content types and headers, live, unknown and malformed instance ids). No answer may be a 5xx,
 * every answer must be JSON (or the PNG, Prometheus text, dashboard page or empty 204 its route promises), and the
 * server must be healthy afterwards. jqwik reports the seed of a failure and shrinks it.
 */
class ServerFuzzTest {
    static final int REQUESTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENVS = List.of("CartPole-v1", "Pendulum-v1", "FrozenLake-v1", "Blackjack-v1", "CliffWalking-v1");
    private static final List<String> TEMPLATES = List.of("/v1/envs", "/v1/envs/{id}/reset", "/v1/envs/{id}/step",
            "/v1/envs/{id}/action_space", "/v1/envs/{id}/action_space/sample", "/v1/envs/{id}/action_space/contains/{x}",
            "/v1/envs/{id}/observation_space", "/v1/envs/{id}/observation_space/contains", "/v1/envs/{id}/monitor/start",
            "/v1/envs/{id}/monitor/close", "/v1/envs/{id}/close", "/v1/envs/{id}/render", "/v1/upload", "/v1/shutdown",
            "/v1/health", "/metrics", "/", "/v1", "/v1/envs/{id}", "/v1/envs/{id}/{junk}", "/{junk}", "/v1/envs/{id}/action_space/{junk}");
    private static final List<String> VALUES = List.of("0", "1", "-1", "2", "3", "1.0", "1.5", "1e400", "-1e400", "NaN",
            "99999999999999999999999", "true", "false", "null", "\"\"", "\"x\"", "\"0\"", "\"CartPole-v1\"", "\"Pendulum-v1\"",
            "\"FrozenLake-v1\"", "\"Blackjack-v1\"", "\"CliffWalking-v1\"", "\"png\"", "\"gif\"", "\"mp4\"", "[]", "[0]", "[0.5]",
            "[1,2,3]", "[[0]]", "[null]", "{}", "{\"is_slippery\":false}", "{\"map_name\":\"8x8\"}", "{\"g\":\"x\"}",
            "{\"success_rate\":-1}", "\"../../etc\"", "\"/tmp/x\"", "\"a/b\"", "\"run\"", "{\"a\":{\"b\":[{}]}}");
    private static final List<String> KEYS = List.of("env_id", "seed", "kwargs", "action", "directory", "force", "resume",
            "video_callable", "video_format", "training_dir", "api_key", "render", "instance_id", "name", "n", "shape", "x");

    /** One random request; {@code idKind} picks a live id, a random hex id or garbage at send time. */
    record Fuzz(String method, String template, int idKind, String hex, String x, String junk, String body,
                String contentType, String authorization) {
    }

    private Path dataRoot;
    private TestServer server;
    private final List<String> ids = new ArrayList<>();
    private String previous = "";

    @BeforeProperty
    void start() throws IOException {
        dataRoot = Files.createTempDirectory("jgym-fuzz");
        server = new TestServer(dataRoot, 200, false);
        for (String env : ENVS) {
            String id = server.create("{\"env_id\":\"" + env + "\"}");
            server.post("/v1/envs/" + id + "/reset/", null);
            ids.add(id);
        }
    }

    @AfterProperty
    void stop() throws IOException {
        try {
            TestServer.Response health = server.get("/v1/health");
            assertEquals(200, health.status(), health.body());
            assertEquals("ok", JSON.readTree(health.body()).get("status").asText());
            String metrics = server.get("/metrics").body();
            assertTrue(!metrics.matches("(?s).*status=\"5\\d\\d\".*"), "a 5xx was counted");
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(dataRoot)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = REQUESTS)
    void noRequestGetsA5xxOrAnAnswerItsRouteDoesNotPromise(@ForAll("requests") Fuzz f) throws Exception {
        String path = f.template().replace("{id}", id(f)).replace("{x}", f.x()).replace("{junk}", f.junk());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
        b.method(f.method(), f.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(f.body()));
        if (!f.contentType().isEmpty()) {
            b.header("Content-Type", f.contentType());
        }
        if (!f.authorization().isEmpty()) {
            b.header("Authorization", f.authorization());
        }
        TestServer.Response r;
        try {
            r = server.send(b.build());
        } catch (AssertionError e) {
            throw new AssertionError("after " + previous + ": " + e.getMessage(), e);
        }
        previous = f.method() + " " + path + " " + f.body() + " " + f.contentType();
        String what = f.method() + " " + path + " " + f.body() + " -> " + r.status() + " " + r.contentType() + " " + r.body();
        assertTrue(r.status() >= 200 && r.status() < 500, what);
        if (r.status() == 204) {
            assertEquals("", r.body(), what);
        } else if (r.contentType().equals("image/png")) {
            assertTrue(r.status() == 200 && path.contains("/render"), what);
        } else if (r.contentType().startsWith("text/plain")) {
            assertTrue(r.status() == 200 && path.startsWith("/metrics"), what);
        } else if (r.contentType().startsWith("text/html")) {
            assertTrue(r.status() == 200 && f.method().equals("GET") && path.equals("/"), "only the dashboard's page is HTML: " + what);
        } else {
            assertTrue(r.contentType().startsWith("application/json"), what);
            JsonNode json = JSON.readTree(r.body());
            if (r.status() >= 400) {
                assertTrue(json.size() == 1 && json.path("message").isTextual(), what);
            } else if (json.has("instance_id") && ids.size() < 20) {
                ids.add(json.get("instance_id").asText());
            }
        }
    }

    private String id(Fuzz f) {
        if (f.idKind() < 6) {
            return ids.get(f.idKind() % ids.size());
        }
        return f.idKind() < 8 ? f.hex() : f.junk();
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("GET")), net.jqwik.api.Tuple.of(8, Arbitraries.just("POST")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("PUT", "DELETE", "PATCH")));
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(8);
        Arbitrary<String> x = Arbitraries.oneOf(Arbitraries.of("0", "1", "-1", "+1", "abc", "1.5", "99999999999999999999", "%20", "%2F", "1e3"),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("._-~").ofMinLength(1).ofMaxLength(12),
                Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(6)
                        .map(bytes -> bytes.stream().map(v -> String.format("%%%02X", v & 0xff)).collect(Collectors.joining())));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I")),
                Arbitraries.strings().ofMaxLength(20).map(s -> JSON.valueToTree(s).toString()));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> object = Arbitraries.maps(key, value).ofMaxSize(5).map(ServerFuzzTest::object);
        Arbitrary<String> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, object),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, value),
                net.jqwik.api.Tuple.of(1, object.map(o -> o + " trailing")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((String) null)));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json", "",
                "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data");
        Arbitrary<String> authorization = Arbitraries.of("", "", "", "Bearer x", "Basic abc", "Bearer");
        return Builders.withBuilder(FuzzBuilder::new)
                .use(method).in((fb, v) -> {
                    fb.method = v;
                    return fb;
                })
                .use(Arbitraries.of(TEMPLATES)).in((fb, v) -> {
                    fb.template = v;
                    return fb;
                })
                .use(Arbitraries.integers().between(0, 9)).in((fb, v) -> {
                    fb.idKind = v;
                    return fb;
                })
                .use(hex).in((fb, v) -> {
                    fb.hex = v;
                    return fb;
                })
                .use(x).in((fb, v) -> {
                    fb.x = v;
                    return fb;
                })
                .use(junk).in((fb, v) -> {
                    fb.junk = v;
                    return fb;
                })
                .use(body).in((fb, v) -> {
                    fb.body = v;
                    return fb;
                })
                .use(contentType).in((fb, v) -> {
                    fb.contentType = v;
                    return fb;
                })
                .use(authorization).in((fb, v) -> {
                    fb.authorization = v;
                    return fb;
                })
                .build(FuzzBuilder::build);
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> JSON.valueToTree(e.getKey()).toString() + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Collects the parts of a {@link Fuzz}. */
    private static final class FuzzBuilder {
        String method;
        String template;
        int idKind;
        String hex;
        String x;
        String junk;
        String body;
        String contentType;
        String authorization;

        Fuzz build() {
            return new Fuzz(method, template, idKind, hex, x, junk, body, contentType, authorization);
        }
    }
}
