package io.jgym.server;

import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns vector-env results and spaces into values {@link FlaskJson} writes, in the layout of
 * Gymnasium's vector API as the shared fixtures record it: a batch as nested lists (a Tuple batch
 * as a list of component batches), infos as lists per key with their {@code _key} masks, spaces
 * with their dtype ({@code MultiDiscrete} for a batched Discrete). Used by the vecenv routes and the
 * WebSocket endpoint, for JSON bodies and for the infos document of binary ones.
 */
final class VectorJson {
    private VectorJson() {
    }

    /** A batch as nested lists: int64 values, float32 rows, or a list of component batches. */
    static Object batch(Batch batch) {
        if (batch instanceof Batch.Longs l) {
            return Arrays.stream(l.values()).boxed().toList();
        }
        if (batch instanceof Batch.Floats f) {
            List<float[]> rows = new ArrayList<>(f.size());
            for (int i = 0; i < f.size(); i++) {
                rows.add(Arrays.copyOfRange(f.values(), i * f.width(), (i + 1) * f.width()));
            }
            return rows;
        }
        return ((Batch.Tuple) batch).components().stream().map(VectorJson::batch).toList();
    }

    /** The merged infos dict, each typed array as a list (int64 as integers, float64 as floats). */
    static Map<String, Object> infos(Map<String, Object> infos) {
        Map<String, Object> out = new LinkedHashMap<>();
        infos.forEach((k, v) -> out.put(k, entry(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object entry(Object v) {
        if (v instanceof Map<?, ?> m) {
            return infos((Map<String, Object>) m);
        }
        if (v instanceof long[] longs) {
            return Arrays.stream(longs).boxed().toList();
        }
        if (v instanceof double[] doubles) {
            return doubles(doubles);
        }
        if (v instanceof boolean[] bools) {
            return bools(bools);
        }
        if (v instanceof int[][] rows) {
            return Arrays.asList(rows);
        }
        return Arrays.asList((Object[]) v);
    }

    static List<Double> doubles(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    static List<Boolean> bools(boolean[] values) {
        List<Boolean> out = new ArrayList<>(values.length);
        for (boolean b : values) {
            out.add(b);
        }
        return out;
    }

    /** A single space as Gymnasium describes it, with its dtype (and a Discrete's start). */
    static Map<String, Object> space(Space space) {
        if (space instanceof TupleSpace t) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", "Tuple");
            out.put("spaces", t.spaces().stream().map(VectorJson::space).toList());
            return out;
        }
        Map<String, Object> out = SpaceJson.describe(space);
        if (space instanceof Discrete d) {
            out.put("start", d.start());
            out.put("dtype", "int64");
        } else {
            out.put("dtype", ((Box) space).dtype());
        }
        return out;
    }

    /** A batched space as Gymnasium describes it. */
    static Map<String, Object> space(BatchSpace space) {
        Map<String, Object> out;
        if (space instanceof BatchSpace.MultiDiscrete m) {
            out = new LinkedHashMap<>();
            out.put("name", "MultiDiscrete");
            out.put("shape", new int[] {m.nvec().length});
            out.put("nvec", Arrays.stream(m.nvec()).boxed().toList());
            out.put("start", Arrays.stream(m.start()).boxed().toList());
            out.put("dtype", "int64");
        } else if (space instanceof BatchSpace.Boxes b) {
            out = space(b.box());
        } else {
            out = new LinkedHashMap<>();
            out.put("name", "Tuple");
            out.put("spaces", ((BatchSpace.TupleBatch) space).spaces().stream().map(VectorJson::space).toList());
        }
        return out;
    }
}
