package io.jgym.generative.metrics;

/**
 * How much salt-and-pepper noise images carry: the share of interior pixels (per channel) that stand
 * out from all eight neighbours by more than {@link #JUMP}, brighter than the brightest or darker than
 * the darkest, on images in [0, 1]. A lone bright pixel on a dark background, or a dark one inside a
 * bright garment, counts; an edge, a stripe or a texture does not, since some neighbour lies on the
 * pixel's side. Held-out Fashion-MNIST images score 0.00024 ({@code docs/generative.md}).
 */
public final class Speckle {
    /** A pixel this far beyond all its neighbours is a speckle. */
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
        long speckles = 0;
        long pixels = 0;
        for (int start = 0; start < images.length; start += height * width) {
            for (int y = 1; y < height - 1; y++) {
                for (int x = 1; x < width - 1; x++) {
                    float lowest = Float.POSITIVE_INFINITY;
                    float highest = Float.NEGATIVE_INFINITY;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            if (dy != 0 || dx != 0) {
                                float neighbour = images[start + (y + dy) * width + x + dx];
                                lowest = Math.min(lowest, neighbour);
                                highest = Math.max(highest, neighbour);
                            }
                        }
                    }
                    float pixel = images[start + y * width + x];
                    if (pixel > highest + JUMP || pixel < lowest - JUMP) {
                        speckles++;
                    }
                    pixels++;
                }
            }
        }
        return (double) speckles / pixels;
    }
}
