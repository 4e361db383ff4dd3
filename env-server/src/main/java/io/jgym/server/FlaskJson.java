package io.jgym.server;

import io.jgym.contracts.space.Value;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes response bodies byte for byte as gym-http-api's Flask {@code jsonify} does: keys sorted,
 * compact separators, non-ASCII escaped, a trailing newline, and numbers as Python prints them
 * (floats with their shortest round-trip digits, {@code 1.0} rather than {@code 1}, {@code 1e-05}
 * rather than {@code 1.0E-5}). Real clients only parse the JSON, but byte equality lets us diff our
 * responses against the original server's.
 */
public final class FlaskJson {
    private FlaskJson() {
    }

    /** The Flask body for {@code value}: maps, collections, arrays, {@link Value}s, numbers, strings, booleans, null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value);
        return out.append('\n').toString();
    }

    /** The JSON text of {@code value} without the trailing newline (Python's {@code json.dumps}). */
    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder(64);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(PythonFloat.repr(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else if (value instanceof Value v) {
            appendValue(out, v);
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else if (value instanceof float[] floats) {
            appendFloats(out, floats);
        } else if (value instanceof int[] ints) {
            out.append('[');
            for (int i = 0; i < ints.length; i++) {
                out.append(i == 0 ? "" : ",").append(ints[i]);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void appendValue(StringBuilder out, Value value) {
        if (value instanceof Value.Int i) {
            out.append(i.value());
        } else if (value instanceof Value.Floats f) {
            appendFloats(out, f.values());
        } else {
            append(out, ((Value.Tuple) value).items());
        }
    }

    private static void appendFloats(StringBuilder out, float[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(PythonFloat.repr(values[i]));
        }
        out.append(']');
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, e.getKey());
            out.append(':');
            append(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
