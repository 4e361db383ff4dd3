package io.jgym.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchWire;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the vecenv routes' JSON into the {@code VectorEnv} contract's types, so that
 * {@link RemoteVectorEnv} returns what an in-process vector env returns: batches laid out by the
 * single space, and infos typed as Gymnasium types them (JSON integers as {@code long[]}, floats as
 * {@code double[]}, booleans as {@code boolean[]}, lists of integer lists as {@code int[][]},
 * {@code final_obs} as an object array of observations), decodes binary answers, and writes actions
 * as JSON. {@link SocketVectorEnv} uses it too.
 */
final class VectorCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorCodec() {
    }

    /** A batch in {@code single}'s layout from nested lists. */
    static Batch batch(JsonNode json, Space single) {
        if (single instanceof TupleSpace t) {
            List<Batch> components = new ArrayList<>();
            for (int c = 0; c < t.spaces().size(); c++) {
                components.add(batch(json.get(c), t.spaces().get(c)));
            }
            return new Batch.Tuple(components);
        }
        List<Value> values = new ArrayList<>(json.size());
        json.forEach(v -> values.add(SpaceCodec.value(v, single)));
        return Batch.stack(values, single);
    }

    /** The merged infos dict; {@code observationSpace} decodes {@code final_obs}. */
    static Map<String, Object> infos(JsonNode json, Space observationSpace) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.put(e.getKey(), e.getKey().equals("final_obs") ? observations(e.getValue(), observationSpace)
                    : entry(e.getValue(), observationSpace));
        }
        return out;
    }

    private static Object[] observations(JsonNode json, Space space) {
        Object[] out = new Object[json.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = json.get(i).isNull() ? null : SpaceCodec.value(json.get(i), space);
        }
        return out;
    }

    private static Object entry(JsonNode json, Space observationSpace) {
        if (json.isObject()) {
            return infos(json, observationSpace);
        }
        int n = json.size();
        JsonNode first = n == 0 ? null : json.get(0);
        if (first != null && first.isBoolean()) {
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = json.get(i).asBoolean();
            }
            return out;
        }
        if (first != null && first.isIntegralNumber()) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = json.get(i).asLong();
            }
            return out;
        }
        if (first != null && first.isNumber()) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = json.get(i).asDouble();
            }
            return out;
        }
        if (first != null && first.isArray() && (first.isEmpty() || first.get(0).isIntegralNumber())) {
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new int[json.get(i).size()];
                for (int k = 0; k < out[i].length; k++) {
                    out[i][k] = json.get(i).get(k).asInt();
                }
            }
            return out;
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = json.get(i).isNull() ? null : json.get(i).toString();
        }
        return out;
    }

    /** A binary reset answer of {@code env}. */
    static VectorReset reset(Map<String, BatchWire.Array> arrays, VectorEnv env) {
        return new VectorReset(BatchWire.batch(arrays, "observations", env.observationSpace()), infos(arrays, env));
    }

    /** A binary step answer of {@code env}. */
    static VectorStep step(Map<String, BatchWire.Array> arrays, VectorEnv env) {
        return new VectorStep(BatchWire.batch(arrays, "observations", env.observationSpace()), arrays.get("rewards").doubles(),
                arrays.get("terminations").bools(), arrays.get("truncations").bools(), infos(arrays, env));
    }

    private static Map<String, Object> infos(Map<String, BatchWire.Array> arrays, VectorEnv env) {
        String text = arrays.get("infos").text();
        if (text.equals("{}")) {
            return Map.of();
        }
        try {
            return infos(JSON.readTree(text), env.singleObservationSpace());
        } catch (IOException e) {
            throw new GymServerException(200, "Server sent invalid infos JSON: " + text);
        }
    }

    /** {@code body} with a reset's {@code seed} and {@code options.reset_mask}, as the vecenv routes and socket take them. */
    static ObjectNode resetRequest(ObjectNode body, OptionalLong seed, boolean[] resetMask) {
        seed.ifPresent(s -> body.put("seed", s));
        if (resetMask != null) {
            ArrayNode mask = body.putObject("options").putArray("reset_mask");
            for (boolean reset : resetMask) {
                mask.add(reset);
            }
        }
        return body;
    }

    /** The actions as a JSON list: integers, or lists of floats. */
    static String actionsJson(Batch actions) {
        StringBuilder out = new StringBuilder(actions.size() * 4 + 16).append("{\"actions\":[");
        for (int i = 0; i < actions.size(); i++) {
            out.append(i == 0 ? "" : ",").append(SpaceCodec.actionJson(actions.get(i)));
        }
        return out.append("]}").toString();
    }
}
