package io.jgym.generative.metrics;

import java.util.Arrays;

/**
 * How much salt-and-pepper noise images carry: the share of interior pixels (per channel) that
 * differ by more than {@link #JUMP} from the median of their eight neighbours, on images in [0, 1].
 * A lone bright pixel on a dark background, or a dark one inside a bright garment, counts; an edge
 * does not, since at least three of its neighbours lie on its side. Real Fashion-MNIST images score
 * about 0.003 ({@code docs/generative.md}), a dense GAN's raw generator many times that.
 */
public final class Speckle {
    /** A pixel this far from its neighbours' median is a speckle. */
    public static final double JUMP = 0.3;

    private Speckle() {
    }

    /**
     * The speckle share of {@code images}, row-major [n, channels * height * width] in [0, 1].
     *
     * @throws IllegalArgumentException if the data is not a whole number of images, or they are smaller than 3x3
     */
    public static double of(float[] images, int channels, int height, int width) {
        int size = channels * height * width;
        if (height < 3 || width < 3 || images.length % size != 0) {
            throw new IllegalArgumentException(images.length + " values are not whole " + channels + "x" + height + "x" + width
                    + " images of at least 3x3");
        }
        float[] neighbours = new float[8];
        long speckles = 0;
        long pixels = 0;
        for (int start = 0; start < images.length; start += height * width) {
            for (int y = 1; y < height - 1; y++) {
                for (int x = 1; x < width - 1; x++) {
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            if (dy != 0 || dx != 0) {
                                neighbours[n++] = images[start + (y + dy) * width + x + dx];
                            }
                        }
                    }
                    Arrays.sort(neighbours);
                    float median = (neighbours[3] + neighbours[4]) / 2;
                    if (Math.abs(images[start + y * width + x] - median) > JUMP) {
                        speckles++;
                    }
                    pixels++;
                }
            }
        }
        return (double) speckles / pixels;
    }
}
