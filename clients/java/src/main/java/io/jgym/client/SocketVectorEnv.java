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
 * A vector environment on a jgym server behind the {@link VectorEnv} interface, over the vecenv
 * WebSocket ({@code /v1/vecenvs/ws}): one socket per environment, steps as binary
 * {@code application/x-jgym-batch} messages, so a tight loop pays no HTTP headers. Gives the same
 * values as {@link RemoteVectorEnv}. One request is in flight at a time, on the calling thread
 * ({@link WebSocketConnection}).
 */
public final class SocketVectorEnv implements VectorEnv {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final String base;
    private final WebSocketConnection socket;
    private final int numEnvs;
    private final AutoresetMode mode;
    private final Space singleObservationSpace;
    private final Space singleActionSpace;
    private final BatchSpace observationSpace;
    private boolean closed;

    private SocketVectorEnv(String base, WebSocketConnection socket, int numEnvs, AutoresetMode mode) {
        this.base = base;
        this.socket = socket;
        this.numEnvs = numEnvs;
        this.mode = mode;
        JsonNode spaces = text(JSON.createObjectNode().put("op", "spaces"));
        this.singleObservationSpace = SpaceCodec.space(spaces.get("single_observation_space"));
        this.singleActionSpace = SpaceCodec.space(spaces.get("single_action_space"));
        this.observationSpace = BatchSpace.of(singleObservationSpace, numEnvs);
    }

    /**
     * Opens a socket to the server at {@code remoteBase} (an {@code http://} URL) and creates a vector
     * env of {@code numEnvs} sub-environments of {@code envId} on it; {@code token} may be null.
     */
    public static SocketVectorEnv create(String remoteBase, String envId, int numEnvs, AutoresetMode mode, OptionalLong seed,
                                         String token) {
        String base = remoteBase.endsWith("/") ? remoteBase.substring(0, remoteBase.length() - 1) : remoteBase;
        if (!base.startsWith("http://")) {
            throw new IllegalArgumentException("only http:// servers are supported, got " + remoteBase);
        }
        WebSocketConnection socket;
        try {
            socket = WebSocketConnection.open(URI.create(base), "/v1/vecenvs/ws",
                    token == null || token.isBlank() ? null : "Bearer " + token.strip(), READ_TIMEOUT_MILLIS);
        } catch (WebSocketConnection.Refused e) {
            throw new GymServerException(e.status(), message(e.body(), e.getMessage()));
        } catch (IOException e) {
            throw unreachable(base, e);
        }
        ObjectNode create = JSON.createObjectNode().put("op", "create").put("env_id", envId).put("num_envs", numEnvs)
                .put("autoreset_mode", mode.wireName());
        seed.ifPresent(s -> create.put("seed", s));
        try {
            json(exchange(base, socket, create.toString(), null));
            return new SocketVectorEnv(base, socket, numEnvs, mode);
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
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
        ObjectNode body = VectorCodec.resetRequest(JSON.createObjectNode().put("op", "reset").put("binary", true), seed, resetMask);
        return VectorCodec.reset(binary(exchange(base, socket, body.toString(), null)), this);
    }

    @Override
    public VectorStep step(Batch actions) {
        byte[] message = new BatchWire.Writer().batch("actions", actions).toBytes();
        return VectorCodec.step(binary(exchange(base, socket, null, message)), this);
    }

    /** Closes the environment and the socket; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            text(JSON.createObjectNode().put("op", "close"));
        } catch (GymServerException e) {
            // The socket is closed below either way; the server closes the env with it.
        } finally {
            socket.close();
        }
    }

    private JsonNode text(ObjectNode request) {
        return json(exchange(base, socket, request.toString(), null));
    }

    /** Sends one message (text, or binary when {@code text} is null) and reads the answer. */
    private static WebSocketConnection.Message exchange(String base, WebSocketConnection socket, String text, byte[] binary) {
        try {
            if (text != null) {
                socket.sendText(text);
            } else {
                socket.sendBinary(binary);
            }
            return socket.receive();
        } catch (IOException e) {
            throw unreachable(base, e);
        }
    }

    private static Map<String, BatchWire.Array> binary(WebSocketConnection.Message answer) {
        if (answer.text()) {
            json(answer);
            throw new GymServerException(200, "Expected a binary answer, got " + answer.asText());
        }
        return BatchWire.read(answer.data());
    }

    /** The JSON answer; a {@code {"message", "status"}} answer becomes a {@link GymServerException}. */
    private static JsonNode json(WebSocketConnection.Message answer) {
        JsonNode node;
        try {
            node = JSON.readTree(answer.data());
        } catch (IOException e) {
            throw new GymServerException(200, "Server sent invalid JSON on the vecenv socket: " + answer.asText());
        }
        if (node.has("status") && node.has("message")) {
            throw new GymServerException(node.get("status").asInt(), node.get("message").asText());
        }
        return node;
    }

    private static String message(String body, String fallback) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.has("message") ? node.get("message").asText() : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static GymServerException unreachable(String base, IOException e) {
        return new GymServerException("The vecenv socket at " + base + " failed (" + e.getMessage()
                + "); is the server running? Start one with ./jgym serve", e);
    }
}
