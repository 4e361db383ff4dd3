package io.jgym.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads gym-http-api space descriptions and observations into jgym's types, and writes actions,
 * so that {@link RemoteEnv} returns exactly what the in-process environment would. Bounds written
 * as +-1e100 are read back as infinities.
 */
final class SpaceCodec {
    private static final double JSON_INFINITY = 1e100;

    private SpaceCodec() {
    }

    static Space space(JsonNode info) {
        String name = info.path("name").asText();
        switch (name) {
            case "Discrete":
                return new Discrete(info.get("n").asLong(), info.path("start").asLong(0));
            case "Box":
                int[] shape = new int[info.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = info.get("shape").get(i).asInt();
                }
                return new Box(shape, bounds(info.get("low")), bounds(info.get("high")));
            case "Tuple":
                List<Space> spaces = new ArrayList<>();
                info.get("spaces").forEach(s -> spaces.add(space(s)));
                return new TupleSpace(spaces);
            default:
                throw new IllegalArgumentException("unsupported space from server: " + info);
        }
    }

    private static float[] bounds(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            double v = values.get(i).asDouble();
            out[i] = v >= JSON_INFINITY ? Float.POSITIVE_INFINITY : v <= -JSON_INFINITY ? Float.NEGATIVE_INFINITY : (float) v;
        }
        return out;
    }

    static Value value(JsonNode json, Space space) {
        if (space instanceof Discrete) {
            return Value.of(json.asLong());
        }
        if (space instanceof Box) {
            float[] v = new float[json.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) json.get(i).asDouble();
            }
            return Value.of(v);
        }
        List<Space> spaces = ((TupleSpace) space).spaces();
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < spaces.size(); i++) {
            items.add(value(json.get(i), spaces.get(i)));
        }
        return new Value.Tuple(items);
    }

    /** The action as JSON text: an integer, or a list of floats. */
    static String actionJson(Value action) {
        if (action instanceof Value.Int i) {
            return Long.toString(i.value());
        }
        if (action instanceof Value.Floats f) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < f.values().length; i++) {
                out.append(i == 0 ? "" : ",").append((double) f.values()[i]);
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("[");
        List<Value> items = ((Value.Tuple) action).items();
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(actionJson(items.get(i)));
        }
        return out.append(']').toString();
    }
}
