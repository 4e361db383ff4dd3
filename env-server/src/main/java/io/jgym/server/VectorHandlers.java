package io.jgym.server;

import io.javalin.http.Context;
import io.jgym.contracts.vector.BatchWire;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vecenv routes ({@code /v1/vecenvs/...}): create, list, reset, step, spaces and close, in JSON
 * by default and in {@code application/x-jgym-batch} when the request's {@code Content-Type} (step
 * actions) or {@code Accept} (answers) asks for it. Parsing and encoding live in
 * {@link VectorProtocol}, shared with the WebSocket endpoint; these handlers only deal with HTTP.
 */
final class VectorHandlers {
    private final InstanceStore store;
    private final VectorProtocol protocol;

    VectorHandlers(InstanceStore store, int maxNumEnvs) {
        this.store = store;
        this.protocol = new VectorProtocol(store, maxNumEnvs);
    }

    void create(Context ctx) {
        String id = protocol.create(RequestBody.parse(ctx.body()), ctx.ip());
        GymHandlers.json(ctx, Map.of("instance_id", id));
    }

    /** Every vector instance: its env id, number of sub-environments and autoreset mode. */
    void list(Context ctx) {
        Map<String, Object> all = new LinkedHashMap<>();
        store.listVectors().forEach((id, instance) -> all.put(id, Map.of("env_id", instance.envId(),
                "num_envs", instance.env().numEnvs(), "autoreset_mode", instance.env().autoresetMode().wireName())));
        GymHandlers.json(ctx, Map.of("vecenvs", all));
    }

    void reset(Context ctx) {
        answer(ctx, protocol.reset(instance(ctx), RequestBody.parse(ctx.body()), wantsBinary(ctx)));
    }

    void step(Context ctx) {
        VectorInstance instance = instance(ctx);
        String type = ctx.contentType();
        Object answer = type != null && type.startsWith(BatchWire.MEDIA_TYPE)
                ? protocol.step(instance, ctx.bodyAsBytes(), wantsBinary(ctx))
                : protocol.step(instance, RequestBody.parse(ctx.body()), wantsBinary(ctx));
        answer(ctx, answer);
    }

    void actionSpace(Context ctx) {
        GymHandlers.json(ctx, VectorProtocol.spaces(instance(ctx).env(), true));
    }

    void observationSpace(Context ctx) {
        GymHandlers.json(ctx, VectorProtocol.spaces(instance(ctx).env(), false));
    }

    void close(Context ctx) {
        store.closeVector(ctx.pathParam("id"));
        ctx.status(204);
    }

    private VectorInstance instance(Context ctx) {
        return store.getVector(ctx.pathParam("id"));
    }

    private static boolean wantsBinary(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(BatchWire.MEDIA_TYPE);
    }

    private static void answer(Context ctx, Object answer) {
        if (answer instanceof byte[] bytes) {
            ctx.result(bytes);
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(BatchWire.MEDIA_TYPE);
        } else {
            ctx.contentType("application/json").result((String) answer);
        }
    }
}
