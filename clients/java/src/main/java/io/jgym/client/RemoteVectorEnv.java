package io.jgym.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchSpace;
import io.jgym.contracts.vector.BatchWire;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A vector environment on a jgym server ({@code /v1/vecenvs/}) behind the {@link VectorEnv}
 * interface, so in-process and remote vector envs are interchangeable. It talks over one
 * keep-alive connection, in the binary {@code application/x-jgym-batch} encoding by default (JSON
 * with {@link Encoding#JSON}); both give the same values.
 */
public final class RemoteVectorEnv implements VectorEnv {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /** How reset and step answers (and step bodies) travel. */
    public enum Encoding {
        JSON,
        BINARY
    }

    private final URI base;
    private final KeepAliveHttp http;
    private final Encoding encoding;
    private final String path;
    private final int numEnvs;
    private final AutoresetMode mode;
    private final Space singleObservationSpace;
    private final Space singleActionSpace;
    private final BatchSpace observationSpace;
    private boolean closed;

    private RemoteVectorEnv(URI base, KeepAliveHttp http, Encoding encoding, String instanceId, int numEnvs, AutoresetMode mode) {
        this.base = base;
        this.http = http;
        this.encoding = encoding;
        this.path = "/v1/vecenvs/" + instanceId + "/";
        this.numEnvs = numEnvs;
        this.mode = mode;
        this.singleObservationSpace = SpaceCodec.space(call("GET", path + "observation_space/", null).get("single_observation_space"));
        this.singleActionSpace = SpaceCodec.space(call("GET", path + "action_space/", null).get("single_action_space"));
        this.observationSpace = BatchSpace.of(singleObservationSpace, numEnvs);
    }

    /**
     * Creates a vector env of {@code numEnvs} sub-environments of {@code envId} on the server at
     * {@code remoteBase}; {@code token} may be null for a server without one.
     */
    public static RemoteVectorEnv create(String remoteBase, String envId, int numEnvs, AutoresetMode mode, OptionalLong seed,
                                         Encoding encoding, String token) {
        URI base = URI.create(remoteBase.endsWith("/") ? remoteBase.substring(0, remoteBase.length() - 1) : remoteBase);
        KeepAliveHttp http = new KeepAliveHttp(base, READ_TIMEOUT_MILLIS, token == null || token.isBlank() ? null : "Bearer " + token.strip());
        try {
            ObjectNode body = JSON.createObjectNode().put("env_id", envId).put("num_envs", numEnvs).put("autoreset_mode", mode.wireName());
            seed.ifPresent(s -> body.put("seed", s));
            String id = json(base, http, "POST", "/v1/vecenvs/", body.toString()).get("instance_id").asText();
            return new RemoteVectorEnv(base, http, encoding, id, numEnvs, mode);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** A binary-encoded vector env in next-step mode, with the token in {@code JGYM_TOKEN} if set. */
    public static RemoteVectorEnv create(String remoteBase, String envId, int numEnvs) {
        return create(remoteBase, envId, numEnvs, AutoresetMode.NEXT_STEP, OptionalLong.empty(), Encoding.BINARY, System.getenv("JGYM_TOKEN"));
    }

    @Override
    public int numEnvs() {
        return numEnvs;
    }

    @Override
    public Space singleObservationSpace() {
        return singleObservationSpace;
    }

    @Override
    public Space singleActionSpace() {
        return singleActionSpace;
    }

    /** The batched observation space, built once. */
    @Override
    public BatchSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public AutoresetMode autoresetMode() {
        return mode;
    }

    @Override
    public VectorReset reset(OptionalLong seed, boolean[] resetMask) {
        ObjectNode body = VectorCodec.resetRequest(JSON.createObjectNode(), seed, resetMask);
        if (encoding == Encoding.BINARY) {
            return VectorCodec.reset(binary(path + "reset/", "application/json", body.toString().getBytes()), this);
        }
        JsonNode answer = call("POST", path + "reset/", body.toString());
        return new VectorReset(VectorCodec.batch(answer.get("observations"), singleObservationSpace),
                VectorCodec.infos(answer.get("infos"), singleObservationSpace));
    }

    @Override
    public VectorStep step(Batch actions) {
        if (encoding == Encoding.BINARY) {
            byte[] body = new BatchWire.Writer().batch("actions", actions).toBytes();
            return VectorCodec.step(binary(path + "step/", BatchWire.MEDIA_TYPE, body), this);
        }
        JsonNode answer = call("POST", path + "step/", VectorCodec.actionsJson(actions));
        return new VectorStep(VectorCodec.batch(answer.get("observations"), singleObservationSpace),
                doubles(answer.get("rewards")), bools(answer.get("terminations")), bools(answer.get("truncations")),
                VectorCodec.infos(answer.get("infos"), singleObservationSpace));
    }

    /** Closes the server's instance and the connection; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            call("POST", path + "close/", null);
        } finally {
            http.close();
        }
    }

    private Map<String, BatchWire.Array> binary(String route, String contentType, byte[] body) {
        KeepAliveHttp.Response r = send("POST", route, contentType, BatchWire.MEDIA_TYPE, body);
        return BatchWire.read(r.bytes());
    }

    private JsonNode call(String method, String route, String body) {
        return json(base, http, method, route, body);
    }

    private KeepAliveHttp.Response send(String method, String route, String contentType, String accept, byte[] body) {
        return send(base, http, method, route, contentType, accept, body);
    }

    private static JsonNode json(URI base, KeepAliveHttp http, String method, String route, String body) {
        KeepAliveHttp.Response r = send(base, http, method, route, body == null ? null : "application/json", null,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return r.bytes().length == 0 ? JSON.nullNode() : JSON.readTree(r.bytes());
        } catch (IOException e) {
            throw new GymServerException(r.status(), "Server sent invalid JSON for " + method + " " + route + ": " + r.body());
        }
    }

    /** Sends a request; a non-2xx answer becomes a {@link GymServerException} with the server's message. */
    private static KeepAliveHttp.Response send(URI base, KeepAliveHttp http, String method, String route, String contentType,
                                               String accept, byte[] body) {
        KeepAliveHttp.Response r;
        try {
            r = http.send(method, route, contentType, accept, body);
        } catch (IOException e) {
            throw new GymServerException("Cannot reach the gym server at " + base + " (" + e.getMessage()
                    + "); is it running? Start one with ./jgym serve", e);
        }
        if (r.status() / 100 != 2) {
            String message;
            try {
                JsonNode error = JSON.readTree(r.bytes());
                message = error != null && error.has("message") ? error.get("message").asText() : "HTTP " + r.status() + " for " + method + " " + route;
            } catch (IOException e) {
                message = "HTTP " + r.status() + " for " + method + " " + route;
            }
            throw new GymServerException(r.status(), message);
        }
        return r;
    }

    private static double[] doubles(JsonNode json) {
        double[] out = new double[json.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = json.get(i).asDouble();
        }
        return out;
    }

    private static boolean[] bools(JsonNode json) {
        boolean[] out = new boolean[json.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = json.get(i).asBoolean();
        }
        return out;
    }
}
