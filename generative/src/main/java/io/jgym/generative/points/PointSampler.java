package io.jgym.generative.points;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.images.FrameImages;
import io.jgym.contracts.training.Sampler;
import io.jgym.generative.data.RowMajor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws points from a trained {@code points-gan} generator: {@code samples-seed<S>.csv} (header
 * {@code x,y}, one point per row) and {@code samples-seed<S>.png}, a scatter of the generated points
 * in red over the real ones in grey, drawn like the training frames.
 */
public final class PointSampler implements Sampler {
    private final MultiLayerNetwork generator;
    private final PointsGanConfig config;

    public PointSampler(MultiLayerNetwork generator, PointsGanConfig config) {
        this.generator = generator;
        this.config = config;
    }

    @Override
    public List<Path> writeSamples(int count, long seed, Path folder) {
        if (count <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + count);
        }
        Random random = new Random(seed);
        float[] z = new float[count * config.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        float[] points = RowMajor.floats(generator.output(Nd4j.create(z, new long[] {count, config.latentSize()}, 'c'), false));
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < count; i++) {
            csv.append(points[2 * i]).append(',').append(points[2 * i + 1]).append('\n');
        }
        Path csvFile = folder.resolve("samples-seed" + seed + ".csv");
        Path png = folder.resolve("samples-seed" + seed + ".png");
        AtomicFiles.writeString(csvFile, csv.toString());
        float[] red = new float[count];
        Arrays.fill(red, 1f);
        AtomicFiles.write(png, FrameImages.png(PointsGanTrainer.frame(PointsGanTrainer.realPoints(config), points, red)));
        return List.of(csvFile, png);
    }
}
