package io.jgym.generative.autoencoder;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.generative.checkpoints.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an autoencoder's codes of held-out images lie: per code value, from the 2nd to the 98th
 * percentile. An autoencoder has no prior to sample from, so its sampler draws codes uniformly in
 * this box; every checkpoint keeps the box of its network ({@code codes.properties}).
 */
record CodeArea(float[] low, float[] high) {
    private static final String FILE = "codes.properties";

    /** The box of {@code codes}, row-major [n, size]. */
    static CodeArea of(float[] codes, int size) {
        int n = codes.length / size;
        float[] low = new float[size];
        float[] high = new float[size];
        float[] column = new float[n];
        for (int d = 0; d < size; d++) {
            for (int i = 0; i < n; i++) {
                column[i] = codes[i * size + d];
            }
            Arrays.sort(column);
            low[d] = column[(int) (0.02 * (n - 1))];
            high[d] = column[(int) Math.ceil(0.98 * (n - 1))];
        }
        return new CodeArea(low, high);
    }

    void writeTo(Path folder) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int d = 0; d < low.length; d++) {
            values.put("low." + d, Float.toString(low[d]));
            values.put("high." + d, Float.toString(high[d]));
        }
        ModelFiles.writeValues(folder, FILE, values);
    }

    static CodeArea read(Checkpoint checkpoint, int size) {
        Map<String, String> values = ModelFiles.readValues(checkpoint, FILE);
        float[] low = new float[size];
        float[] high = new float[size];
        for (int d = 0; d < size; d++) {
            low[d] = Float.parseFloat(values.get("low." + d));
            high[d] = Float.parseFloat(values.get("high." + d));
        }
        return new CodeArea(low, high);
    }
}
