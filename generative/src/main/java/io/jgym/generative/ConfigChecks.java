package io.jgym.generative;

import java.util.List;

/**
 * The checks the generative configs run in their compact constructors, one per message, each naming
 * the flag and the value it got (e.g. {@code --batch-size must be positive, got 0}).
 */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    public static void positive(String flag, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }

    public static void positive(String flag, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }

    public static void atLeast(String flag, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(flag + " must be at least " + least + ", got " + value);
        }
    }

    public static void notNegative(String flag, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(flag + " must be 0 or more, got " + value);
        }
    }

    public static void notNegative(String flag, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + " must be 0 or more, got " + value);
        }
    }

    /** {@code value} in [low, high) */
    public static void inRange(String flag, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            throw new IllegalArgumentException(flag + " must be in [" + low + ", " + high + "), got " + value);
        }
    }

    /** {@code value} in (low, high] */
    public static void above(String flag, double value, double low, double high) {
        if (!(value > low && value <= high)) {
            throw new IllegalArgumentException(flag + " must be in (" + low + ", " + high + "], got " + value);
        }
    }

    /** A list given at all (not null), each entry positive; {@code nonEmpty} refuses an empty one. */
    public static <T extends Number> List<T> widths(String flag, List<T> values, boolean nonEmpty) {
        if (values == null) {
            throw new IllegalArgumentException(flag + " must be given");
        }
        if (nonEmpty && values.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs at least one value, got none");
        }
        for (T value : values) {
            if (value == null || !(value.doubleValue() > 0)) {
                throw new IllegalArgumentException(flag + " must hold positive values, got " + values);
            }
        }
        return List.copyOf(values);
    }

    /** A data folder given as text (null refused). */
    public static String given(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " must name a folder, got '" + value + "'");
        }
        return value;
    }
}
