package io.jgym.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchWire;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a vecenv request means, whatever carries it (an HTTP route or a WebSocket message): reading
 * create, reset and step parameters from JSON or from an {@code application/x-jgym-batch} body,
 * calling the {@link VectorInstance}, and encoding the answer as Flask-style JSON or binary. Bad
 * input is an {@link ApiException} (400) naming the parameter; wrong counts, masks and actions are
 * refused by the vector env itself with an {@code IllegalArgumentException} (also a 400).
 */
final class VectorProtocol {
    private final InstanceStore store;
    private final int maxNumEnvs;

    VectorProtocol(InstanceStore store, int maxNumEnvs) {
        this.store = store;
        this.maxNumEnvs = maxNumEnvs;
    }

    /** Creates a vector instance from {@code {env_id, num_envs, seed?, kwargs?, autoreset_mode?}}; returns its id. */
    String create(RequestBody body, String client) {
        String envId = body.requiredText("env_id");
        JsonNode n = body.required("num_envs");
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > maxNumEnvs) {
            throw ApiException.badRequest("Parameter 'num_envs' must be an integer from 1 to " + maxNumEnvs
                    + " (the server's --max-num-envs), got " + Messages.quote(n.toString()));
        }
        AutoresetMode mode = AutoresetMode.NEXT_STEP;
        JsonNode m = body.optional("autoreset_mode").orElse(null);
        if (m != null) {
            if (!m.isTextual()) {
                throw ApiException.badRequest("Parameter 'autoreset_mode' must be a string, got " + Messages.quote(m.toString()));
            }
            mode = AutoresetMode.parse(m.asText());
        }
        OptionalLong seed = body.seed("seed");
        Map<String, Object> kwargs = GymHandlers.kwargs(body);
        try {
            return store.createVector(envId, n.asInt(), mode, kwargs, seed, client);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Cannot create " + Messages.quote(envId) + ": " + Messages.quote(e.getMessage()));
        }
    }

    /** Resets from {@code {seed?, options?: {reset_mask?}}}; the answer as JSON text or binary. */
    Object reset(VectorInstance instance, RequestBody body, boolean binary) {
        OptionalLong seed = body.seed("seed");
        boolean[] mask = resetMask(body);
        return instance.reset(seed, mask, reset -> binary ? binary(reset) : FlaskJson.write(json(reset)));
    }

    /** Steps with {@code {actions: [...]}}; the answer as JSON text or binary. */
    Object step(VectorInstance instance, RequestBody body, boolean binary) {
        Batch actions = actions(body.required("actions"), instance.env());
        return instance.step(actions, step -> binary ? binary(step) : FlaskJson.write(json(step)));
    }

    /** Steps with a binary body holding an {@code actions} array; the answer as JSON text or binary. */
    Object step(VectorInstance instance, byte[] body, boolean binary) {
        Batch actions = BatchWire.batch(BatchWire.read(body), "actions", instance.env().actionSpace());
        if (actions == null) {
            throw ApiException.badRequest("A binary step body must hold an array named 'actions' (one per sub-environment)");
        }
        return instance.step(actions, step -> binary ? binary(step) : FlaskJson.write(json(step)));
    }

    /** The instance's spaces: {@code {<kind>_space, single_<kind>_space}} for kind action or observation. */
    static Map<String, Object> spaces(VectorEnv env, boolean action) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (action) {
            out.put("action_space", VectorJson.space(env.actionSpace()));
            out.put("single_action_space", VectorJson.space(env.singleActionSpace()));
        } else {
            out.put("observation_space", VectorJson.space(env.observationSpace()));
            out.put("single_observation_space", VectorJson.space(env.singleObservationSpace()));
        }
        return out;
    }

    private static boolean[] resetMask(RequestBody body) {
        JsonNode options = body.optional("options").orElse(null);
        if (options == null) {
            return null;
        }
        if (!options.isObject()) {
            throw ApiException.badRequest("Parameter 'options' must be a JSON object, got " + Messages.quote(options.toString()));
        }
        JsonNode mask = options.get("reset_mask");
        if (mask == null || mask.isNull()) {
            return null;
        }
        if (!mask.isArray()) {
            throw ApiException.badRequest("Option 'reset_mask' must be a list of true/false, one per sub-environment, got "
                    + Messages.quote(mask.toString()));
        }
        boolean[] out = new boolean[mask.size()];
        for (int i = 0; i < out.length; i++) {
            if (!mask.get(i).isBoolean()) {
                throw ApiException.badRequest("Option 'reset_mask' must be a list of true/false, got "
                        + Messages.quote(mask.get(i).toString()) + " at index " + i);
            }
            out[i] = mask.get(i).asBoolean();
        }
        return out;
    }

    private static Batch actions(JsonNode json, VectorEnv env) {
        if (!json.isArray() || json.size() != env.numEnvs()) {
            throw ApiException.badRequest("Parameter 'actions' must be a list of one action per sub-environment ("
                    + env.numEnvs() + "), got " + Messages.quote(abbreviated(json)));
        }
        Space single = env.singleActionSpace();
        List<Value> values = new ArrayList<>(json.size());
        for (JsonNode a : json) {
            values.add(SpaceJson.action(a, single));
        }
        return Batch.stack(values, single);
    }

    private static String abbreviated(JsonNode json) {
        String text = json.isArray() ? "a list of " + json.size() : json.toString();
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }

    private static Map<String, Object> json(VectorReset reset) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observations", VectorJson.batch(reset.observations()));
        out.put("infos", VectorJson.infos(reset.infos()));
        return out;
    }

    private static Map<String, Object> json(VectorStep step) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observations", VectorJson.batch(step.observations()));
        out.put("rewards", VectorJson.doubles(step.rewards()));
        out.put("terminations", VectorJson.bools(step.terminations()));
        out.put("truncations", VectorJson.bools(step.truncations()));
        out.put("infos", VectorJson.infos(step.infos()));
        return out;
    }

    private static byte[] binary(VectorReset reset) {
        return new BatchWire.Writer().batch("observations", reset.observations())
                .text("infos", FlaskJson.dumps(VectorJson.infos(reset.infos()))).toBytes();
    }

    private static byte[] binary(VectorStep step) {
        return new BatchWire.Writer().batch("observations", step.observations())
                .doubles("rewards", step.rewards())
                .bools("terminations", step.terminations())
                .bools("truncations", step.truncations())
                .text("infos", step.infos().isEmpty() ? "{}" : FlaskJson.dumps(VectorJson.infos(step.infos()))).toBytes();
    }
}
