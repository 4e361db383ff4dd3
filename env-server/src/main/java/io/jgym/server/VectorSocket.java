package io.jgym.server;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vecenv WebSocket ({@code /v1/vecenvs/ws}): one vector environment per socket, for clients
 * that step in a tight loop without HTTP's per-request headers. Text messages are JSON objects with
 * an {@code op} ({@code create}, {@code reset}, {@code step}, {@code spaces}, {@code close}) and the
 * same parameters and answers as the HTTP routes; a binary message is an
 * {@code application/x-jgym-batch} step holding {@code actions}, answered in binary. A text request
 * with {@code "binary": true} gets a binary answer. A refused request is answered with
 * {@code {"message": ..., "status": 400}} and the socket stays open; closing the socket closes the env.
 */
final class VectorSocket {
    /** Where the endpoint listens. */
    static final String PATH = "/v1/vecenvs/ws";
    private static final Logger LOG = LoggerFactory.getLogger(VectorSocket.class);

    private final InstanceStore store;
    private final VectorProtocol protocol;
    private final Map<String, String> instanceBySession = new ConcurrentHashMap<>();

    VectorSocket(InstanceStore store, int maxNumEnvs) {
        this.store = store;
        this.protocol = new VectorProtocol(store, maxNumEnvs);
    }

    /** Installs the handlers on the endpoint. */
    void configure(WsConfig ws) {
        ws.onMessage(ctx -> answer(ctx, () -> text(ctx, RequestBody.parse(ctx.message()))));
        ws.onBinaryMessage(ctx -> answer(ctx, () -> {
            byte[] body = new byte[ctx.data().remaining()];
            ctx.data().duplicate().get(body);
            return protocol.step(instance(ctx), body, true);
        }));
        ws.onClose(ctx -> closeInstance(ctx));
        ws.onError(ctx -> closeInstance(ctx));
    }

    private Object text(WsContext ctx, RequestBody body) {
        String op = body.requiredText("op");
        boolean binary = body.flag("binary");
        return switch (op) {
            case "create" -> {
                if (instanceBySession.containsKey(ctx.sessionId())) {
                    throw ApiException.badRequest("This socket already has a vector environment; open another socket for another one");
                }
                String id = protocol.create(body, clientAddress(ctx));
                instanceBySession.put(ctx.sessionId(), id);
                yield FlaskJson.write(Map.of("instance_id", id));
            }
            case "reset" -> protocol.reset(instance(ctx), body, binary);
            case "step" -> protocol.step(instance(ctx), body, binary);
            case "spaces" -> {
                VectorInstance instance = instance(ctx);
                Map<String, Object> spaces = new java.util.LinkedHashMap<>(VectorProtocol.spaces(instance.env(), true));
                spaces.putAll(VectorProtocol.spaces(instance.env(), false));
                yield FlaskJson.write(spaces);
            }
            case "close" -> {
                closeInstance(ctx);
                yield FlaskJson.write(Map.of("message", "closed"));
            }
            default -> throw ApiException.badRequest("Unknown op " + Messages.quote(op)
                    + "; the socket takes create, reset, step, spaces and close");
        };
    }

    /** The client's IP address, the key of the per-client cap, as the HTTP routes use it. */
    private static String clientAddress(WsContext ctx) {
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    private VectorInstance instance(WsContext ctx) {
        String id = instanceBySession.get(ctx.sessionId());
        if (id == null) {
            throw ApiException.badRequest("No vector environment on this socket yet: send {\"op\": \"create\", \"env_id\": ..., \"num_envs\": ...} first");
        }
        return store.getVector(id);
    }

    private void closeInstance(WsContext ctx) {
        String id = instanceBySession.remove(ctx.sessionId());
        if (id != null) {
            try {
                store.closeVector(id);
            } catch (ApiException e) {
                // Already evicted for idleness; nothing left to close.
            }
        }
    }

    /** What a message asks for, computed; bytes or JSON text. */
    private interface Call {
        Object run();
    }

    private static void answer(WsContext ctx, Call call) {
        Object answer;
        try {
            answer = call.run();
        } catch (ApiException e) {
            answer = error(e.status(), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            answer = error(400, Messages.quote(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("Internal error on the vecenv socket", e);
            answer = error(500, "Internal server error; the server's log has the details");
        }
        if (answer instanceof byte[] bytes) {
            ctx.send(ByteBuffer.wrap(bytes));
        } else {
            ctx.send((String) answer);
        }
    }

    private static String error(int status, String message) {
        return FlaskJson.write(Map.of("message", message, "status", status));
    }
}
