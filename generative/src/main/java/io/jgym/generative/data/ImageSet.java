package io.jgym.generative.data;

/**
 * Images with labels, pixels scaled to [0, 1], one image after the other, each stored channel by
 * channel and row by row ({@code count * channels * height * width} values, the NCHW order DL4J and
 * SameDiff read). Grey-scale sets have one channel, colour sets three (red, green, blue).
 *
 * @param count    number of images
 * @param channels values per pixel: 1 (grey) or 3 (RGB)
 * @param height   rows per image
 * @param width    columns per image
 * @param pixels   all pixels in [0, 1]
 * @param labels   one class label per image
 */
public record ImageSet(int count, int channels, int height, int width, float[] pixels, int[] labels) {
    public ImageSet {
        if (pixels.length != (long) count * channels * height * width || labels.length != count) {
            throw new IllegalArgumentException("image set of " + count + " images of " + channels + "x" + height + "x" + width
                    + " needs " + (long) count * channels * height * width + " pixels and " + count + " labels");
        }
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
