package io.jgym.generative.images;

import io.jgym.contracts.training.Sampler;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Sampler} of every image model: draws {@code count} latent codes from the seed, decodes
 * them to images in [0, 1] and writes them as one grid, {@code samples-seed<S>.png}, eight a row.
 * GANs and VAEs draw codes from the standard normal; an autoencoder, which has no prior, from the
 * area its held-out codes occupied.
 */
public final class ImageSampler implements Sampler {
    private static final int COLUMNS = 8;

    /** Draws {@code count} latent codes, [count, latent], from {@code seed}. */
    @FunctionalInterface
    public interface Codes {
        INDArray draw(int count, long seed);
    }

    private final Codes codes;
    private final Function<INDArray, float[]> decoder;
    private final ImageShape shape;

    /**
     * @param decoder latent codes to images, row-major with values in [0, 1]
     */
    public ImageSampler(Codes codes, Function<INDArray, float[]> decoder, ImageShape shape) {
        this.codes = codes;
        this.decoder = decoder;
        this.shape = shape;
    }

    /** Standard-normal codes of {@code latentSize} values. */
    public static Codes gaussian(int latentSize) {
        return (count, seed) -> {
            Random random = new Random(seed);
            float[] values = new float[count * latentSize];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            return Nd4j.create(values, new long[] {count, latentSize}, 'c');
        };
    }

    /** Codes uniform in the box from {@code low} to {@code high}, one bound per latent value. */
    public static Codes uniform(float[] low, float[] high) {
        return (count, seed) -> {
            Random random = new Random(seed);
            float[] values = new float[count * low.length];
            for (int i = 0; i < values.length; i++) {
                int d = i % low.length;
                values[i] = low[d] + (high[d] - low[d]) * random.nextFloat();
            }
            return Nd4j.create(values, new long[] {count, low.length}, 'c');
        };
    }

    @Override
    public List<Path> writeSamples(int count, long seed, Path folder) {
        if (count <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + count);
        }
        float[] images = decoder.apply(codes.draw(count, seed));
        Path png = folder.resolve("samples-seed" + seed + ".png");
        ImageGrid.write(images, shape.channels(), shape.height(), shape.width(), Math.min(COLUMNS, count),
                ImageGrid.scaleFor(shape.height()), png);
        return List.of(png);
    }
}
