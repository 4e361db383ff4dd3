package io.jgym.contracts;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keyword options an environment is created with (Gymnasium's {@code gym.make(id, **kwargs)}).
 *
 * <p>An environment factory reads the options it knows with typed getters and then calls
 * {@link #requireAllUsed(String)}, so that a misspelt or unsupported option is an error naming it
 * instead of being silently ignored.
 */
public final class EnvOptions {
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    private EnvOptions(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** Options from a map of option name to value (booleans, numbers, strings). */
    public static EnvOptions of(Map<String, ?> values) {
        Map<String, Object> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return new EnvOptions(copy);
    }

    /** No options. */
    public static EnvOptions none() {
        return new EnvOptions(Map.of());
    }

    /** A boolean option, or {@code fallback} when absent. */
    public boolean getBoolean(String name, boolean fallback) {
        Object v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("option '" + name + "' must be true or false, got " + v);
        }
        return b;
    }

    /** A string option, or {@code fallback} when absent. */
    public String getString(String name, String fallback) {
        Object v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("option '" + name + "' must be a string, got " + v);
        }
        return s;
    }

    /** A numeric option, or {@code fallback} when absent. */
    public double getDouble(String name, double fallback) {
        Object v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("option '" + name + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    /** Fails naming every option that no getter asked for. */
    public void requireAllUsed(String envId) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            String known = read.isEmpty() ? "it takes no options" : "it takes " + String.join(", ", read);
            throw new IllegalArgumentException("unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + "'" + String.join("', '", unknown) + "' for " + envId + "; " + known);
        }
    }

    private Object take(String name) {
        read.add(name);
        return values.get(name);
    }
}
