package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error a client can provoke answers with a status and {@code {"message": ...}} in JSON, with
 * the original server's texts where it had them and a clear 400 where it crashed with an HTML 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    Path dataRoot;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataRoot = dir;
        server = new TestServer(dataRoot, 3, false);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertError(int status, String message, TestServer.Response r) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/json", r.contentType());
        assertEquals("{\"message\":\"" + message + "\"}\n", r.body());
    }

    @Test
    void everyInstanceRouteRejectsAnUnknownId() {
        String unknown = "Instance_id deadbeef unknown";
        assertError(400, unknown, server.post("/v1/envs/deadbeef/reset/", null));
        assertError(400, unknown, server.post("/v1/envs/deadbeef/step/", "{\"action\":0}"));
        assertError(400, unknown, server.get("/v1/envs/deadbeef/action_space/"));
        assertError(400, unknown, server.get("/v1/envs/deadbeef/action_space/sample"));
        assertError(400, unknown, server.get("/v1/envs/deadbeef/action_space/contains/1"));
        assertError(400, unknown, server.get("/v1/envs/deadbeef/observation_space/"));
        assertError(400, unknown, server.post("/v1/envs/deadbeef/observation_space/contains", "{}"));
        assertError(400, unknown, server.post("/v1/envs/deadbeef/monitor/start/", "{\"directory\":\"x\"}"));
        assertError(400, unknown, server.post("/v1/envs/deadbeef/monitor/close/", null));
        assertError(400, unknown, server.post("/v1/envs/deadbeef/close/", null));
    }

    @Test
    void missingRequiredParametersAreNamedBeforeTheInstanceIsLookedUp() {
        assertError(400, "A required request parameter 'env_id' was not provided", server.post("/v1/envs/", "{}"));
        assertError(400, "A required request parameter 'env_id' was not provided", server.post("/v1/envs/", "{\"env_id\":\"\"}"));
        assertError(400, "A required request parameter 'action' was not provided", server.post("/v1/envs/deadbeef/step/", null));
        assertError(400, "A required request parameter 'action' was not provided", server.post("/v1/envs/deadbeef/step/", "{\"action\":[]}"));
        assertError(400, "A required request parameter 'directory' was not provided", server.post("/v1/envs/deadbeef/monitor/start/", "{}"));
        assertError(400, "A required request parameter 'training_dir' was not provided", server.post("/v1/upload/", "{\"api_key\":\"k\"}"));
        assertError(400, "A required request parameter 'api_key' was not provided", server.post("/v1/upload/", "{\"training_dir\":\"d\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo-v0", "CartPole", "cartpole-v1", "../CartPole-v1"})
    void unknownOrMalformedEnvIdsGetTheOriginalMessage(String envId) {
        assertError(400, "Attempted to look up malformed environment ID '" + envId + "'",
                server.post("/v1/envs/", "{\"env_id\":\"" + envId + "\"}"));
    }

    @Test
    void invalidActionsAreA400NotA500() {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        try {
            server.post("/v1/envs/" + id + "/reset/", null);
            for (String action : List.of("2", "-1", "1.5", "\"left\"", "[0,1]", "{\"a\":1}")) {
                TestServer.Response r = server.post("/v1/envs/" + id + "/step/", "{\"action\":" + action + "}");
                assertEquals(400, r.status(), action);
                assertTrue(r.body().startsWith("{\"message\":\"Invalid action"), r.body());
            }
            assertEquals(200, server.post("/v1/envs/" + id + "/step/", "{\"action\":1.0}").status(), "an integral float is accepted");
        } finally {
            server.post("/v1/envs/" + id + "/close/", null);
        }
    }

    @Test
    void steppingBeforeResetIsAClearError() {
        String id = server.create("{\"env_id\":\"FrozenLake-v1\"}");
        try {
            assertError(400, "Cannot call step before reset: call reset first", server.post("/v1/envs/" + id + "/step/", "{\"action\":0}"));
        } finally {
            server.post("/v1/envs/" + id + "/close/", null);
        }
    }

    @Test
    void badContainsQueriesAndSpaceKeysAreExplained() {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        try {
            assertError(400, "action_space/contains expects an integer, got 'one'", server.get("/v1/envs/" + id + "/action_space/contains/one"));
            assertError(400, "Unknown observation space key 'size'; this space has high, low, name, shape",
                    server.post("/v1/envs/" + id + "/observation_space/contains", "{\"size\":4}"));
        } finally {
            server.post("/v1/envs/" + id + "/close/", null);
        }
    }

    @Test
    void malformedAndNonObjectBodiesAreRejected() {
        TestServer.Response broken = server.post("/v1/envs/", "{\"env_id\": ");
        assertEquals(400, broken.status());
        assertTrue(broken.body().startsWith("{\"message\":\"Request is not a valid json"), broken.body());
        assertError(400, "Request body must be a JSON object, got array", server.post("/v1/envs/", "[\"CartPole-v1\"]"));
    }

    @Test
    void badSeedsAndOptionsAreNamed() {
        assertError(400, "Parameter 'seed' must be a non-negative integer, got -3",
                server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\",\"seed\":-3}"));
        assertError(400, "Cannot create FrozenLake-v1: unknown option 'slippery' for FrozenLake-v1; it takes map_name, is_slippery, success_rate",
                server.post("/v1/envs/", "{\"env_id\":\"FrozenLake-v1\",\"kwargs\":{\"slippery\":false}}"));
        assertError(400, "Cannot create CartPole-v1: unknown option 'mass' for CartPole-v1; it takes no options",
                server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\",\"kwargs\":{\"mass\":2}}"));
    }

    @Test
    void requestsOverTheSizeLimitAre413() {
        TestServer.Response r = server.post("/v1/envs/", "{\"env_id\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, r.status());
        assertEquals("application/json", r.contentType());
        assertTrue(r.body().startsWith("{\"message\":"), r.body());
    }

    @Test
    void unknownRoutesAre404InJson() {
        TestServer.Response r = server.get("/v2/envs/");
        assertEquals(404, r.status());
        assertEquals("application/json", r.contentType());
        assertTrue(r.body().startsWith("{\"message\":"), r.body());
    }

    @Test
    void uploadNeverReachesTheNetworkAndSaysWhy() {
        TestServer.Response r = server.post("/v1/upload/", "{\"training_dir\":\"d\",\"api_key\":\"k\"}");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("scoreboard closed"), r.body());
    }

    @Test
    void shutdownIsRefusedUnlessAllowed() {
        assertError(403, "Shutdown is disabled; start the server with --allow-shutdown to allow POST /v1/shutdown/",
                server.post("/v1/shutdown/", null));
    }

    @Test
    void monitorDirectoriesCannotEscapeTheDataRoot() {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        try {
            TestServer.Response r = server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"../../etc\"}");
            assertEquals(400, r.status());
            assertTrue(r.body().contains("is outside the server's data root"), r.body());
        } finally {
            server.post("/v1/envs/" + id + "/close/", null);
        }
    }

    @Test
    void theInstanceCapIsEnforced() {
        List<String> ids = new ArrayList<>();
        try {
            TestServer.Response r;
            while ((r = server.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"}")).status() == 200) {
                ids.add(r.body().replaceAll("(?s).*\"instance_id\":\"([0-9a-f]+)\".*", "$1"));
                assertTrue(ids.size() <= 3, "cap of 3 not enforced");
            }
            assertEquals(400, r.status());
            assertTrue(r.body().contains("Too many live environment instances (limit 3)"), r.body());
        } finally {
            ids.forEach(id -> server.post("/v1/envs/" + id + "/close/", null));
        }
    }
}
