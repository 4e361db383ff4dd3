package io.jgym.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A client for any gym-http-api server (jgym's or the original Flask one), with the method names of
 * the Python {@code gym_http_client.Client}. One keep-alive connection; errors from the server are
 * raised as {@link GymServerException} with its message and status. For an agent, {@link RemoteEnv}
 * wraps one instance behind the {@code Env} interface.
 */
public final class GymClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final URI base;
    private final KeepAliveHttp http;

    /**
     * A client for the server at {@code remoteBase}, for example {@code http://127.0.0.1:5000}, sending
     * the token in the {@code JGYM_TOKEN} environment variable when it is set.
     */
    public GymClient(String remoteBase) {
        this(remoteBase, System.getenv("JGYM_TOKEN"));
    }

    /**
     * A client for a server started with {@code --token}: every request carries
     * {@code Authorization: Bearer <token>}. A null or empty token sends none.
     */
    public GymClient(String remoteBase, String token) {
        this.base = URI.create(remoteBase.endsWith("/") ? remoteBase.substring(0, remoteBase.length() - 1) : remoteBase);
        this.http = new KeepAliveHttp(base, READ_TIMEOUT_MILLIS, token == null || token.isBlank() ? null : "Bearer " + token.strip());
    }

    /** Creates an instance of {@code envId}; with a seed its first reset is seeded. Returns the instance id. */
    public String envCreate(String envId, OptionalLong seed) {
        ObjectNode body = JSON.createObjectNode().put("env_id", envId);
        seed.ifPresent(s -> body.put("seed", s));
        return post("/v1/envs/", body).get("instance_id").asText();
    }

    public String envCreate(String envId) {
        return envCreate(envId, OptionalLong.empty());
    }

    /** Instance id to env id for every live instance. */
    public Map<String, String> envListAll() {
        Map<String, String> out = new LinkedHashMap<>();
        get("/v1/envs/").get("all_envs").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Resets and returns the observation as JSON; with a seed, as Gymnasium's {@code reset(seed=...)}. */
    public JsonNode envReset(String instanceId, OptionalLong seed) {
        ObjectNode body = JSON.createObjectNode();
        seed.ifPresent(s -> body.put("seed", s));
        return post(instancePath(instanceId, "reset/"), body).get("observation");
    }

    public JsonNode envReset(String instanceId) {
        return envReset(instanceId, OptionalLong.empty());
    }

    /** Steps with an action given as JSON text ({@code 1} or {@code [0.5]}); returns observation, reward, done, info. */
    public JsonNode envStep(String instanceId, String actionJson, boolean render) {
        return call("POST", instancePath(instanceId, "step/"), "{\"action\":" + actionJson + ",\"render\":" + render + "}");
    }

    public JsonNode envActionSpaceInfo(String instanceId) {
        return get(instancePath(instanceId, "action_space/")).get("info");
    }

    public JsonNode envActionSpaceSample(String instanceId) {
        return get(instancePath(instanceId, "action_space/sample")).get("action");
    }

    public boolean envActionSpaceContains(String instanceId, long x) {
        return get(instancePath(instanceId, "action_space/contains/" + x)).get("member").asBoolean();
    }

    public JsonNode envObservationSpaceInfo(String instanceId) {
        return get(instancePath(instanceId, "observation_space/")).get("info");
    }

    /** Whether every given key equals the same key of the observation space's description. */
    public boolean envObservationSpaceContains(String instanceId, Map<String, ?> params) {
        return post(instancePath(instanceId, "observation_space/contains"), JSON.valueToTree(params)).get("member").asBoolean();
    }

    public void envMonitorStart(String instanceId, String directory, boolean force, boolean resume) {
        post(instancePath(instanceId, "monitor/start/"), JSON.createObjectNode()
                .put("directory", directory).put("force", force).put("resume", resume));
    }

    public void envMonitorClose(String instanceId) {
        post(instancePath(instanceId, "monitor/close/"), null);
    }

    public void envClose(String instanceId) {
        post(instancePath(instanceId, "close/"), null);
    }

    public void upload(String trainingDir, String apiKey, String algorithmId) {
        post("/v1/upload/", JSON.createObjectNode().put("training_dir", trainingDir)
                .put("api_key", apiKey).put("algorithm_id", algorithmId));
    }

    public void shutdownServer() {
        post("/v1/shutdown/", null);
    }

    private static String instancePath(String instanceId, String rest) {
        return "/v1/envs/" + instanceId + "/" + rest;
    }

    private JsonNode get(String path) {
        return call("GET", path, null);
    }

    private JsonNode post(String path, JsonNode body) {
        try {
            return call("POST", path, body == null ? "null" : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body", e);
        }
    }

    private JsonNode call(String method, String path, String body) {
        KeepAliveHttp.Response response;
        try {
            response = http.send(method, path, body);
        } catch (IOException e) {
            throw new GymServerException("Cannot reach the gym server at " + base + " (" + e.getMessage()
                    + "); is it running? Start one with ./jgym serve", e);
        }
        JsonNode json = null;
        if (!response.body().isBlank()) {
            try {
                json = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                if (response.status() / 100 == 2) {
                    throw new GymServerException(response.status(), "Server sent invalid JSON for " + method + " " + path + ": " + response.body());
                }
            }
        }
        if (response.status() / 100 != 2) {
            String message = json != null && json.has("message") ? json.get("message").asText()
                    : "HTTP " + response.status() + " for " + method + " " + path;
            throw new GymServerException(response.status(), message);
        }
        return json == null ? JSON.nullNode() : json;
    }

    @Override
    public void close() {
        http.close();
    }
}
