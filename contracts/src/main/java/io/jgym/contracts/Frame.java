package io.jgym.contracts;

/**
 * One rendered picture of an environment, as Gymnasium's {@code render_mode="rgb_array"} returns:
 * {@code height} rows of {@code width} pixels, three bytes (red, green, blue) per pixel, row-major.
 *
 * @param width  pixels per row
 * @param height rows
 * @param rgb    {@code width * height * 3} bytes; not copied
 */
public record Frame(int width, int height, byte[] rgb) {
    public Frame {
        if (width < 1 || height < 1 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB frame needs " + (width * height * 3)
                    + " bytes, got " + rgb.length);
        }
    }
}
