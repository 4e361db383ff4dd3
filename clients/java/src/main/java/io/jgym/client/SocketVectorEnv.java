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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A vector environment on a jgym server behind the {@link VectorEnv} interface, over the vecenv
 * WebSocket ({@code /v1/vecenvs/ws}): one socket per environment, steps as binary
 * {@code application/x-jgym-batch} messages, so a tight loop pays no HTTP headers. Gives the same
 * values as {@link RemoteVectorEnv}. One request is in flight at a time.
 */
public final class SocketVectorEnv implements VectorEnv {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    /** Kept so the client behind the socket lives as long as the environment. */
    private final HttpClient http;
    private final WebSocket socket;
    private final Answers answers;
    private final int numEnvs;
    private final AutoresetMode mode;
    private final Space singleObservationSpace;
    private final Space singleActionSpace;
    private final BatchSpace observationSpace;
    private boolean closed;

    /** Collects each answer (text or binary, possibly in parts) and completes the pending request with it. */
    private static final class Answers implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile CompletableFuture<Object> pending;

        CompletableFuture<Object> expect() {
            CompletableFuture<Object> next = new CompletableFuture<>();
            pending = next;
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                pending.complete(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            bytes.writeBytes(part);
            if (last) {
                pending.complete(bytes.toByteArray());
                bytes.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            CompletableFuture<Object> p = pending;
            if (p != null) {
                p.completeExceptionally(new GymServerException("The server closed the vecenv socket (" + status + " " + reason + ")", null));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            CompletableFuture<Object> p = pending;
            if (p != null) {
                p.completeExceptionally(error);
            }
        }
    }

    private SocketVectorEnv(HttpClient http, WebSocket socket, Answers answers, int numEnvs, AutoresetMode mode) {
        this.http = http;
        this.socket = socket;
        this.answers = answers;
        this.numEnvs = numEnvs;
        this.mode = mode;
        JsonNode spaces = text(socket, answers, JSON.createObjectNode().put("op", "spaces"));
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Answers answers = new Answers();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.strip());
        }
        WebSocket socket;
        try {
            socket = builder.buildAsync(URI.create("ws://" + base.substring("http://".length()) + "/v1/vecenvs/ws"), answers)
                    .get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new GymServerException("Cannot open the vecenv socket at " + base + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GymServerException("Interrupted while opening the vecenv socket", e);
        }
        ObjectNode create = JSON.createObjectNode().put("op", "create").put("env_id", envId).put("num_envs", numEnvs)
                .put("autoreset_mode", mode.wireName());
        seed.ifPresent(s -> create.put("seed", s));
        try {
            text(socket, answers, create);
            return new SocketVectorEnv(http, socket, answers, numEnvs, mode);
        } catch (RuntimeException e) {
            socket.abort();
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
        ObjectNode body = JSON.createObjectNode().put("op", "reset").put("binary", true);
        seed.ifPresent(s -> body.put("seed", s));
        if (resetMask != null) {
            var mask = body.putObject("options").putArray("reset_mask");
            for (boolean b : resetMask) {
                mask.add(b);
            }
        }
        return VectorCodec.reset(binary(await(answers.expect(), socket.sendText(body.toString(), true))), this);
    }

    @Override
    public VectorStep step(Batch actions) {
        byte[] message = new BatchWire.Writer().batch("actions", actions).toBytes();
        return VectorCodec.step(binary(await(answers.expect(), socket.sendBinary(ByteBuffer.wrap(message), true))), this);
    }

    /** Closes the environment and the socket; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            text(socket, answers, JSON.createObjectNode().put("op", "close"));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | GymServerException e) {
            socket.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.abort();
        }
    }

    private static JsonNode text(WebSocket socket, Answers answers, ObjectNode request) {
        Object answer = await(answers.expect(), socket.sendText(request.toString(), true));
        if (!(answer instanceof String s)) {
            throw new GymServerException(200, "Expected a JSON answer to " + request.get("op") + ", got binary");
        }
        return json(s);
    }

    private static Map<String, BatchWire.Array> binary(Object answer) {
        if (answer instanceof String s) {
            json(s);
            throw new GymServerException(200, "Expected a binary answer, got " + s);
        }
        return BatchWire.read((byte[]) answer);
    }

    /** The JSON answer; a {@code {"message", "status"}} answer becomes a {@link GymServerException}. */
    private static JsonNode json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new GymServerException(200, "Server sent invalid JSON on the vecenv socket: " + text);
        }
        if (node.has("status") && node.has("message")) {
            throw new GymServerException(node.get("status").asInt(), node.get("message").asText());
        }
        return node;
    }

    private static Object await(CompletableFuture<Object> answer, CompletableFuture<WebSocket> sent) {
        try {
            sent.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof GymServerException g ? g
                    : new GymServerException("The vecenv socket failed (" + e.getCause() + ")", e.getCause());
        } catch (TimeoutException e) {
            throw new GymServerException("No answer on the vecenv socket within " + ANSWER_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GymServerException("Interrupted while waiting on the vecenv socket", e);
        }
    }
}
