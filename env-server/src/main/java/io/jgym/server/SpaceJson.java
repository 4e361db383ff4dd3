package io.jgym.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates spaces and actions between jgym's types and gym-http-api's JSON.
 *
 * <p>Spaces are described as the original server's {@code _get_space_properties} does:
 * {@code {"name": "Discrete", "n": 2}} and {@code {"name": "Box", "shape": [...], "low": [...],
 * "high": [...]}} with infinite bounds written as +-1e100; Tuple spaces (which the original could
 * not describe) list their sub-spaces. Actions are read leniently, as the original accepted them:
 * an integer (or an integral float, or a one-element list) for Discrete, a list or a number for Box.
 */
final class SpaceJson {
    private static final double JSON_INFINITY = 1e100;

    private SpaceJson() {
    }

    /** The space's description, with keys as gym-http-api names them. */
    static Map<String, Object> describe(Space space) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (space instanceof Discrete d) {
            info.put("name", "Discrete");
            info.put("n", d.n());
            if (d.start() != 0) {
                info.put("start", d.start());
            }
        } else if (space instanceof Box b) {
            info.put("name", "Box");
            info.put("shape", b.shape());
            info.put("low", bounds(b.low()));
            info.put("high", bounds(b.high()));
        } else {
            info.put("name", "Tuple");
            info.put("spaces", ((TupleSpace) space).spaces().stream().map(SpaceJson::describe).toList());
        }
        return info;
    }

    private static List<Double> bounds(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(Float.isInfinite(v) ? Math.copySign(JSON_INFINITY, v) : (double) v);
        }
        return out;
    }

    /** Reads an action for {@code space}; anything outside the space is a 400 naming the action. */
    static Value action(JsonNode json, Space space) {
        Value action = parse(json, space);
        if (action == null || !space.contains(action)) {
            throw ApiException.badRequest("Invalid action " + Messages.quote(json.toString()) + ": it is not in the action space "
                    + FlaskJson.dumps(describe(space)));
        }
        return action;
    }

    private static Value parse(JsonNode json, Space space) {
        if (space instanceof Discrete) {
            JsonNode scalar = json.isArray() && json.size() == 1 ? json.get(0) : json;
            if (scalar.isIntegralNumber() && scalar.canConvertToLong()) {
                return Value.of(scalar.asLong());
            }
            if (scalar.isFloatingPointNumber() && scalar.asDouble() == Math.rint(scalar.asDouble())
                    && Math.abs(scalar.asDouble()) < 1e15) {
                return Value.of((long) scalar.asDouble());
            }
            return null;
        }
        if (space instanceof Box) {
            if (json.isNumber()) {
                return Value.of((float) json.asDouble());
            }
            if (!json.isArray()) {
                return null;
            }
            float[] values = new float[json.size()];
            for (int i = 0; i < values.length; i++) {
                if (!json.get(i).isNumber()) {
                    return null;
                }
                values[i] = (float) json.get(i).asDouble();
            }
            return Value.of(values);
        }
        TupleSpace tuple = (TupleSpace) space;
        if (!json.isArray() || json.size() != tuple.spaces().size()) {
            return null;
        }
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            Value item = parse(json.get(i), tuple.spaces().get(i));
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return new Value.Tuple(items);
    }
}
