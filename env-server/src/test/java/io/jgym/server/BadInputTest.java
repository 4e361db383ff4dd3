package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: every route, for an env of every space type (Discrete and Box actions;
 * Discrete, Box and Tuple observations), fed wrong types, wrong shapes, out-of-range and oversized
 * values. Each answer must be a 4xx with {@code {"message": ...}} in JSON, short, and free of server
 * paths, exception names and stack traces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** CartPole: Discrete actions, Box observations; Pendulum: Box actions; FrozenLake: Discrete observations; Blackjack: Tuple observations. */
    private static final List<String> ENVS = List.of("CartPole-v1", "Pendulum-v1", "FrozenLake-v1", "Blackjack-v1", "CliffWalking-v1");
    private static final String BIG_ARRAY = "[" + "0.5,".repeat(5000) + "0.5]";

    private static final List<String> ACTIONS = List.of("[]", "[0,0]", "[[0.5]]", "[[0],[1]]", "1e400", "-1e400", "\"x\"", "\"0\"",
            "true", "{}", "{\"a\":1}", "[null]", "[\"0.5\"]", "99999999999999999999999", "-1", "1.5", "NaN", BIG_ARRAY, "[1e400]");
    private static final List<String> SEEDS = List.of("1.5", "true", "\"1\"", "1e30", "99999999999999999999999", "-1", "[1]", "{}");
    private static final List<String> KWARGS = List.of("5", "\"x\"", "[1]", "{\"map_name\":5}", "{\"is_slippery\":\"yes\"}",
            "{\"success_rate\":2}", "{\"success_rate\":1e400}", "{\"map_name\":\"9x9\"}", "{\"g\":\"x\"}", "{\"g\":1e400}",
            "{\"natural\":3}", "{\"sab\":[true]}", "{\"is_slippery\":{\"a\":1}}", "{\"\":1}");
    private static final List<String> MONITOR_BODIES = List.of("{\"directory\":5}", "{\"directory\":\"../x\"}",
            "{\"directory\":\"a\\u0000b\"}", "{\"directory\":\"d\",\"video_callable\":\"yes\"}",
            "{\"directory\":\"d\",\"video_callable\":-1}", "{\"directory\":\"d\",\"video_callable\":0.5}",
            "{\"directory\":\"d\",\"video_callable\":[1]}", "{\"directory\":\"d\",\"video_callable\":true,\"video_format\":5}",
            "{\"directory\":\"d\",\"video_callable\":true,\"video_format\":\"mp4\"}",
            "{\"directory\":\"d\",\"video_callable\":true,\"video_format\":true}", "{\"directory\":\"" + "x".repeat(5000) + "\"}");
    private static final List<String> CONTAINS = List.of("abc", "1.5", "99999999999999999999", "%20", "-", "1e3", "0x1");
    /** Keys no space description has (a known key with a wrong value is a fair question: member false). */
    private static final List<String> SPACE_QUERIES = List.of("{\"size\":4}", "[1]", "{\"name\":\"Tuple\",\"bogus\":1}",
            "{\"" + "k".repeat(3000) + "\":1}");
    private static final List<String> BODIES = List.of("{", "[1]", "\"x\"", "5", "{\"env_id\":\"CartPole-v1\"} trailing",
            "{\"a\":1}{\"b\":2}", "{\"action\":0} ]", "nul", "\u00ff\u00fe");

    Path dataRoot;
    TestServer server;
    final List<String> ids = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) {
        dataRoot = dir;
        server = new TestServer(dataRoot, 50, false);
        for (String env : ENVS) {
            String id = server.create("{\"env_id\":\"" + env + "\"}");
            server.post("/v1/envs/" + id + "/reset/", null);
            ids.add(id);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        for (int e = 0; e < ENVS.size(); e++) {
            String env = ENVS.get(e);
            String base = "/v1/envs/" + ids.get(e);
            for (String action : ACTIONS) {
                if (!(env.startsWith("Pendulum") && List.of("-1", "1.5").contains(action))) {
                    out.add(Arguments.of(env, "POST", base + "/step/", "{\"action\":" + action + "}"));
                }
            }
            for (String seed : SEEDS) {
                out.add(Arguments.of(env, "POST", "/v1/envs/", "{\"env_id\":\"" + env + "\",\"seed\":" + seed + "}"));
                out.add(Arguments.of(env, "POST", base + "/reset/", "{\"seed\":" + seed + "}"));
            }
            for (String kwargs : KWARGS) {
                out.add(Arguments.of(env, "POST", "/v1/envs/", "{\"env_id\":\"" + env + "\",\"kwargs\":" + kwargs + "}"));
            }
            for (String monitor : MONITOR_BODIES) {
                out.add(Arguments.of(env, "POST", base + "/monitor/start/", monitor));
            }
            for (String x : CONTAINS) {
                out.add(Arguments.of(env, "GET", base + "/action_space/contains/" + x, null));
            }
            for (String query : SPACE_QUERIES) {
                out.add(Arguments.of(env, "POST", base + "/observation_space/contains", query));
            }
            for (String body : BODIES) {
                for (String route : List.of("/v1/envs/", base + "/reset/", base + "/step/", base + "/monitor/start/",
                        base + "/observation_space/contains", "/v1/upload/")) {
                    out.add(Arguments.of(env, "POST", route, body));
                }
            }
            for (String wrong : List.of(base + "/step/", base + "/reset/", base + "/close/", base + "/monitor/start/")) {
                out.add(Arguments.of(env, "GET", wrong, null));
            }
            for (String wrong : List.of(base + "/action_space/", base + "/observation_space/", base + "/render", "/v1/health", "/metrics")) {
                out.add(Arguments.of(env, "POST", wrong, "{}"));
                out.add(Arguments.of(env, "DELETE", wrong, null));
            }
        }
        for (String unknown : List.of("deadbeef", "x".repeat(300), "..", "%2e%2e", "0", "DEADBEEF")) {
            for (String route : List.of("/reset/", "/step/", "/action_space/", "/action_space/sample", "/action_space/contains/1",
                    "/observation_space/", "/render", "/monitor/close/", "/close/")) {
                boolean get = route.startsWith("/action") || route.startsWith("/observation") || route.equals("/render");
                out.add(Arguments.of("unknown id", get ? "GET" : "POST", "/v1/envs/" + unknown + route, get ? null : "{\"action\":0}"));
            }
        }
        out.add(Arguments.of("upload", "POST", "/v1/upload/", "{\"training_dir\":5,\"api_key\":[1]}"));
        out.add(Arguments.of("env id", "POST", "/v1/envs/", "{\"env_id\":\"" + "y".repeat(5000) + "\"}"));
        out.add(Arguments.of("env id", "POST", "/v1/envs/", "{\"env_id\":5}"));
        out.add(Arguments.of("env id", "POST", "/v1/envs/", "{\"env_id\":[\"CartPole-v1\"]}"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @MethodSource("requests")
    void everyBadRequestIsAShortJson4xx(String what, String method, String path, String body) throws Exception {
        TestServer.Response r = server.send(method, path, body);
        assertClientError(r, dataRoot);
    }

    /** The properties every refused request has. */
    static void assertClientError(TestServer.Response r, Path dataRoot) throws Exception {
        assertTrue(r.status() >= 400 && r.status() < 500, "status " + r.status() + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/json"), "content type " + r.contentType() + ": " + r.body());
        JsonNode json = JSON.readTree(r.body());
        assertTrue(json.isObject() && json.size() == 1 && json.get("message").isTextual(), r.body());
        String message = json.get("message").asText();
        assertTrue(message.length() <= 600, "message of " + message.length() + " characters: " + message.substring(0, Math.min(200, message.length())));
        assertTrue(!message.contains(dataRoot.toString()) && !message.contains(System.getProperty("user.dir")), "server path in " + message);
        assertTrue(!message.matches("(?s).*(Exception|\\bat [a-z]+\\.|org\\.eclipse|io\\.javalin|java\\.).*"), "internals in " + message);
    }
}
