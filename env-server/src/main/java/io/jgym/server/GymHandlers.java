package io.jgym.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.images.FrameImages;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The gym-http-api endpoints. Each handler parses the request, calls the {@link InstanceStore} or an
 * {@link EnvInstance}, and writes the original server's JSON; errors are thrown as exceptions and
 * mapped to responses by {@link GymServer}.
 */
final class GymHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstanceStore store;
    private final MonitorDirectories monitorDirectories;
    private final MonitorQuota quota;
    private final ServerMetrics metrics;
    private final LongSupplier nanoClock;
    private final AtomicInteger monitorIds = new AtomicInteger();

    GymHandlers(InstanceStore store, MonitorDirectories monitorDirectories, MonitorQuota quota, ServerMetrics metrics,
                LongSupplier nanoClock) {
        this.store = store;
        this.monitorDirectories = monitorDirectories;
        this.quota = quota;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
    }

    void create(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        String envId = body.requiredText("env_id");
        OptionalLong seed = body.seed("seed");
        EnvOptions options = EnvOptions.of(kwargs(body));
        String id;
        try {
            id = store.create(envId, seed, options, ctx.ip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Cannot create " + Messages.quote(envId) + ": " + Messages.quote(e.getMessage()));
        }
        json(ctx, Map.of("instance_id", id));
    }

    static Map<String, Object> kwargs(RequestBody body) {
        JsonNode kwargs = body.optional("kwargs").orElse(null);
        if (kwargs == null) {
            return Map.of();
        }
        if (!kwargs.isObject()) {
            throw ApiException.badRequest("Parameter 'kwargs' must be a JSON object of environment options, got "
                    + Messages.quote(kwargs.toString()));
        }
        Map<String, Object> out = new HashMap<>();
        kwargs.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                throw ApiException.badRequest("Option '" + Messages.quote(e.getKey()) + "' must be a finite number, got " + Messages.quote(v.toString()));
            }
            out.put(e.getKey(), JSON.convertValue(v, Object.class));
        });
        return out;
    }

    void listAll(Context ctx) {
        Map<String, String> all = store.list();
        json(ctx, Map.of("all_envs", all, "envs", all));
    }

    void reset(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        OptionalLong seed = body.seed("seed");
        Reset reset = instance(ctx).reset(seed);
        json(ctx, Map.of("observation", reset.observation()));
    }

    void step(Context ctx) {
        long start = System.nanoTime();
        RequestBody body = RequestBody.parse(ctx.body());
        JsonNode actionJson = body.required("action");
        EnvInstance instance = instance(ctx);
        Step step = instance.step(SpaceJson.action(actionJson, instance.env().actionSpace()));
        metrics.step(System.nanoTime() - start);
        Map<String, Object> info = new LinkedHashMap<>(step.info());
        if (step.truncated()) {
            info.put("TimeLimit.truncated", !step.terminated());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("observation", step.observation());
        response.put("reward", step.reward());
        response.put("done", step.done());
        response.put("info", info);
        json(ctx, response);
    }

    void actionSpace(Context ctx) {
        json(ctx, Map.of("info", SpaceJson.describe(instance(ctx).env().actionSpace())));
    }

    void observationSpace(Context ctx) {
        json(ctx, Map.of("info", SpaceJson.describe(instance(ctx).env().observationSpace())));
    }

    void sampleAction(Context ctx) {
        json(ctx, Map.of("action", instance(ctx).sampleAction()));
    }

    void actionContains(Context ctx) {
        EnvInstance instance = instance(ctx);
        String x = ctx.pathParam("x");
        long value;
        try {
            value = Long.parseLong(x.strip().replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("action_space/contains expects an integer, got '" + Messages.quote(x) + "'");
        }
        json(ctx, Map.of("member", instance.env().actionSpace().contains(Value.of(value))));
    }

    /** True when every key in the body equals (as JSON text) the same key of the space's description. */
    void observationContains(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        Space space = instance(ctx).env().observationSpace();
        Map<String, Object> info = SpaceJson.describe(space);
        boolean member = true;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!info.containsKey(e.getKey())) {
                throw ApiException.badRequest("Unknown observation space key '" + Messages.quote(e.getKey())
                        + "'; this space has " + String.join(", ", new TreeSet<>(info.keySet())));
            }
            Object given = JSON.convertValue(e.getValue(), Object.class);
            member &= FlaskJson.dumps(info.get(e.getKey())).equals(FlaskJson.dumps(given));
        }
        json(ctx, Map.of("member", member));
    }

    void monitorStart(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        String directory = body.requiredText("directory");
        boolean force = body.flag("force");
        boolean resume = body.flag("resume");
        int every = videoEvery(body);
        EpisodeRecorder.Format format = videoFormat(body);
        Path resolved = monitorDirectories.resolve(directory);
        EnvInstance instance = instance(ctx);
        EpisodeMonitor.Recording recording = every == 0 ? null : new EpisodeMonitor.Recording(every, format, instance.env()::render);
        instance.startMonitor(() -> new EpisodeMonitor(resolved, directory, instance.envId(),
                monitorIds.getAndIncrement(), force, resume, recording, quota, nanoClock));
        ctx.status(204);
    }

    private static EpisodeRecorder.Format videoFormat(RequestBody body) {
        JsonNode v = body.optional("video_format").orElse(null);
        if (v == null) {
            return EpisodeRecorder.Format.GIF;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("Parameter 'video_format' must be gif or png, got " + Messages.quote(v.toString()));
        }
        return EpisodeRecorder.Format.parse(v.asText());
    }

    /** gym-http-api's {@code video_callable}: false for none, true for every episode, n for every n-th. */
    private static int videoEvery(RequestBody body) {
        JsonNode v = body.optional("video_callable").orElse(null);
        if (v == null || (v.isBoolean() && !v.asBoolean())) {
            return 0;
        }
        if (v.isBoolean()) {
            return 1;
        }
        if (v.isIntegralNumber() && v.asLong() >= 1 && v.asLong() <= Integer.MAX_VALUE) {
            return v.asInt();
        }
        throw ApiException.badRequest("Parameter 'video_callable' must be false, true or a positive episode interval, got "
                + Messages.quote(v.toString()));
    }

    /** The current state as a PNG picture. */
    void render(Context ctx) {
        byte[] png = FrameImages.png(instance(ctx).render());
        ctx.result(png);
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("image/png");
    }

    void monitorClose(Context ctx) {
        instance(ctx).closeMonitor();
        ctx.status(204);
    }

    void close(Context ctx) {
        store.close(ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The scoreboard the original uploaded to closed in 2017; check the parameters, then say so. */
    void upload(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        body.required("training_dir");
        body.required("api_key");
        throw ApiException.badRequest("Uploading is no longer possible: the OpenAI Gym scoreboard closed in 2017."
                + " Nothing was sent; your monitor results stay in the training directory.");
    }

    private EnvInstance instance(Context ctx) {
        return store.get(ctx.pathParam("id"));
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(FlaskJson.write(body));
    }
}
