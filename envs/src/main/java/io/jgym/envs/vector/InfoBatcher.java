package io.jgym.envs.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the sub-environments' info dicts into one batched dict exactly as Gymnasium 1.2.3's
 * {@code VectorEnv._add_info}: the lowest-index sub-environment that supplies a key fixes the
 * array's type (int → {@code long[]}, float → {@code double[]}, bool → {@code boolean[]}, an int
 * array → {@code int[][]}, anything else → {@code Object[]}); later values are cast into it (so a
 * float 1/3 put into an int64 array becomes 0, as numpy does); a {@code "_" + key} mask records who
 * supplied it; dict values merge recursively; {@code final_obs} is always an object array.
 */
final class InfoBatcher {
    private static final String FINAL_OBS = "final_obs";

    private InfoBatcher() {
    }

    /** Adds sub-environment {@code env}'s {@code info} into {@code batch} (N sub-environments). */
    static void add(Map<String, Object> batch, Map<String, ?> info, int env, int n) {
        for (Map.Entry<String, ?> e : info.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (FINAL_OBS.equals(key)) {
                Object[] array = (Object[]) batch.computeIfAbsent(key, k -> new Object[n]);
                array[env] = value;
            } else if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = (Map<String, Object>) batch.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                add(merged, typed, env, n);
            } else {
                Object array = batch.computeIfAbsent(key, k -> newArray(value, n));
                set(array, env, value);
            }
            boolean[] mask = (boolean[]) batch.computeIfAbsent("_" + key, k -> new boolean[n]);
            mask[env] = true;
        }
    }

    private static Object newArray(Object first, int n) {
        if (first instanceof Integer || first instanceof Long) {
            return new long[n];
        }
        if (first instanceof Double || first instanceof Float) {
            return new double[n];
        }
        if (first instanceof Boolean) {
            return new boolean[n];
        }
        if (first instanceof int[] ints) {
            return new int[n][ints.length];
        }
        return new Object[n];
    }

    private static void set(Object array, int env, Object value) {
        if (array instanceof long[] longs) {
            longs[env] = value instanceof Boolean b ? (b ? 1 : 0)
                    : value instanceof Double || value instanceof Float ? (long) ((Number) value).doubleValue() : ((Number) value).longValue();
        } else if (array instanceof double[] doubles) {
            doubles[env] = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        } else if (array instanceof boolean[] bools) {
            bools[env] = value instanceof Boolean b ? b : ((Number) value).doubleValue() != 0;
        } else if (array instanceof int[][] rows) {
            rows[env] = ((int[]) value).clone();
        } else {
            ((Object[]) array)[env] = value;
        }
    }
}
