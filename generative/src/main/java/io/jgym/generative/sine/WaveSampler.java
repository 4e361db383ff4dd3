package io.jgym.generative.sine;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.Sampler;
import io.jgym.generative.data.RowMajor;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws waves from a trained {@code sine-gan} generator: {@code samples-seed<S>.csv} (one wave per
 * row, {@code points} values) and {@code samples-seed<S>.png} (the first 12 as line plots).
 */
public final class WaveSampler implements Sampler {
    private final MultiLayerNetwork generator;
    private final int latentSize;
    private final int points;

    public WaveSampler(MultiLayerNetwork generator, int latentSize, int points) {
        this.generator = generator;
        this.latentSize = latentSize;
        this.points = points;
    }

    /** The generator inside (its last layer is the fixed low-pass filter when the run smoothed). */
    public MultiLayerNetwork generator() {
        return generator;
    }

    /** {@code rows} x {@code columns} standard-normal values from {@code seed}. */
    static INDArray noise(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    @Override
    public List<Path> writeSamples(int count, long seed, Path folder) {
        if (count <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + count);
        }
        float[] waves = RowMajor.floats(generator.output(noise(count, latentSize, seed), false));
        StringBuilder csv = new StringBuilder();
        for (int w = 0; w < count; w++) {
            for (int i = 0; i < points; i++) {
                csv.append(i == 0 ? "" : ",").append(waves[w * points + i]);
            }
            csv.append('\n');
        }
        Path csvFile = folder.resolve("samples-seed" + seed + ".csv");
        Path png = folder.resolve("samples-seed" + seed + ".png");
        AtomicFiles.writeString(csvFile, csv.toString());
        WaveGridPlot.write(waves, points, count + " generated waves, latent seed " + seed, png);
        return List.of(csvFile, png);
    }
}
