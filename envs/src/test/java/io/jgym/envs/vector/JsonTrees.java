package io.jgym.envs.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.Batch;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns vector-env results into JSON trees in the fixtures' layout (batches as nested lists, infos
 * as maps of typed arrays) and compares trees as the fixtures' README asks: maps by key, integers
 * against integers, floats against floats within a tolerance (0 for exact).
 */
final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    static JsonNode batch(Batch batch) {
        ArrayNode out = NODES.arrayNode();
        if (batch instanceof Batch.Longs l) {
            for (long v : l.values()) {
                out.add(v);
            }
        } else if (batch instanceof Batch.Floats f) {
            for (int i = 0; i < f.size(); i++) {
                out.add(value(f.get(i)));
            }
        } else {
            ((Batch.Tuple) batch).components().forEach(c -> out.add(batch(c)));
        }
        return out;
    }

    static JsonNode value(Value value) {
        if (value instanceof Value.Int i) {
            return NODES.numberNode(i.value());
        }
        if (value instanceof Value.Floats f) {
            ArrayNode out = NODES.arrayNode();
            for (float v : f.values()) {
                out.add((double) v);
            }
            return out;
        }
        ArrayNode out = NODES.arrayNode();
        ((Value.Tuple) value).items().forEach(v -> out.add(value(v)));
        return out;
    }

    static JsonNode doubles(double[] values) {
        ArrayNode out = NODES.arrayNode();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    static JsonNode bools(boolean[] values) {
        ArrayNode out = NODES.arrayNode();
        for (boolean v : values) {
            out.add(v);
        }
        return out;
    }

    /** The infos dict as the fixtures write it. */
    static JsonNode infos(Map<String, Object> infos) {
        ObjectNode out = NODES.objectNode();
        infos.forEach((k, v) -> out.set(k, entry(v)));
        return out;
    }

    /** The numpy dtype of each info entry, as the fixtures' {@code info_dtypes}. */
    static JsonNode dtypes(Map<String, Object> infos) {
        ObjectNode out = NODES.objectNode();
        infos.forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            JsonNode dtype = v instanceof Map<?, ?> m ? dtypes((Map<String, Object>) m)
                    : NODES.textNode(v instanceof long[] ? "int64" : v instanceof double[] ? "float64"
                    : v instanceof boolean[] ? "bool" : v instanceof int[][] ? "int8" : "object");
            out.set(k, dtype);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode entry(Object v) {
        if (v instanceof Map<?, ?> m) {
            return infos((Map<String, Object>) m);
        }
        ArrayNode out = NODES.arrayNode();
        if (v instanceof long[] longs) {
            for (long x : longs) {
                out.add(x);
            }
        } else if (v instanceof double[] doubles) {
            return doubles(doubles);
        } else if (v instanceof boolean[] bools) {
            return bools(bools);
        } else if (v instanceof int[][] rows) {
            for (int[] row : rows) {
                ArrayNode r = out.addArray();
                for (int x : row) {
                    r.add(x);
                }
            }
        } else {
            for (Object o : (Object[]) v) {
                out.add(o == null ? NODES.nullNode() : value((Value) o));
            }
        }
        return out;
    }

    /** Asserts {@code got} equals {@code expected}: same structure, same number kinds, floats within {@code tolerance}. */
    static void assertSame(String at, JsonNode expected, JsonNode got, double tolerance) {
        if (expected.isObject()) {
            assertTrue(got.isObject(), at + ": expected an object, got " + got);
            assertEquals(new TreeSet<>(keys(expected)), new TreeSet<>(keys(got)), at + " keys");
            expected.fields().forEachRemaining(e -> assertSame(at + "." + e.getKey(), e.getValue(), got.get(e.getKey()), tolerance));
        } else if (expected.isArray()) {
            assertTrue(got.isArray() && got.size() == expected.size(), at + ": expected " + expected + ", got " + got);
            for (int i = 0; i < expected.size(); i++) {
                assertSame(at + "[" + i + "]", expected.get(i), got.get(i), tolerance);
            }
        } else if (expected.isIntegralNumber()) {
            assertTrue(got.isIntegralNumber(), at + ": expected the integer " + expected + ", got " + got);
            assertEquals(expected.asLong(), got.asLong(), at);
        } else if (expected.isFloatingPointNumber()) {
            assertTrue(got.isFloatingPointNumber(), at + ": expected the float " + expected + ", got " + got);
            double want = expected.asDouble();
            if (tolerance == 0) {
                assertEquals(want, got.asDouble(), at);
            } else {
                assertEquals(want, got.asDouble(), tolerance * Math.max(1, Math.abs(want)), at);
            }
        } else if (!expected.equals(got)) {
            fail(at + ": expected " + expected + ", got " + got);
        }
    }

    private static java.util.List<String> keys(JsonNode node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
