package io.jgym.generative.data;

/**
 * Grey-scale images with labels, pixels scaled to [0, 1] and stored row-major, one image after the
 * other ({@code count * height * width} values).
 *
 * @param count  number of images
 * @param height rows per image
 * @param width  columns per image
 * @param pixels all pixels in [0, 1]
 * @param labels one class label per image
 */
public record ImageSet(int count, int height, int width, float[] pixels, int[] labels) {
    public ImageSet {
        if (pixels.length != (long) count * height * width || labels.length != count) {
            throw new IllegalArgumentException("image set of " + count + " images of " + height + "x" + width
                    + " needs " + (long) count * height * width + " pixels and " + count + " labels");
        }
    }

    /** Values per image. */
    public int size() {
        return height * width;
    }

    /** The first {@code n} images. */
    public ImageSet first(int n) {
        int keep = Math.min(n, count);
        float[] p = new float[keep * size()];
        System.arraycopy(pixels, 0, p, 0, p.length);
        int[] l = new int[keep];
        System.arraycopy(labels, 0, l, 0, keep);
        return new ImageSet(keep, height, width, p, l);
    }
}
