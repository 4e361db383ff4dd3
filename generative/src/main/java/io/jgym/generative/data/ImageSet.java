package io.jgym.generative.data;

/**
 * Images with labels, values scaled to [0, 1], one image after the other, each stored channel by
 * channel and row by row ({@code count * channels * height * width} values, the NCHW layout
 * DL4J's convolutions take). Grey-scale sets have one channel, colour sets three.
 *
 * @param count    number of images
 * @param channels values per pixel (1 grey, 3 RGB)
 * @param height   rows per image
 * @param width    columns per image
 * @param pixels   all values in [0, 1]
 * @param labels   one class label per image
 */
public record ImageSet(int count, int channels, int height, int width, float[] pixels, int[] labels) {
    public ImageSet {
        if (channels < 1 || pixels.length != (long) count * channels * height * width || labels.length != count) {
            throw new IllegalArgumentException("image set of " + count + " images of " + channels + "x" + height + "x" + width
                    + " needs " + (long) count * channels * height * width + " values and " + count + " labels");
        }
    }

    /** A grey-scale set. */
    public ImageSet(int count, int height, int width, float[] pixels, int[] labels) {
        this(count, 1, height, width, pixels, labels);
    }

    /** Values per image. */
    public int size() {
        return channels * height * width;
    }

    /** The first {@code n} images. */
    public ImageSet first(int n) {
        int keep = Math.min(n, count);
        float[] p = new float[keep * size()];
        System.arraycopy(pixels, 0, p, 0, p.length);
        int[] l = new int[keep];
        System.arraycopy(labels, 0, l, 0, keep);
        return new ImageSet(keep, channels, height, width, p, l);
    }
}
