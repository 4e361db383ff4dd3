package io.jgym.generative.images;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Writes images (values in [0, 1], one after the other, each channel by channel and row by row as
 * in {@link io.jgym.generative.data.ImageSet}) as one PNG grid, {@code columns} images per row with a
 * one-pixel gap, each pixel drawn {@code scale} times larger. One channel is drawn grey, three as RGB.
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    /** The scale at which images of this height are easy to see: small ones (MNIST's 28) doubled. */
    public static int scaleFor(int height) {
        return height < 40 ? 2 : 1;
    }

    public static void write(float[] images, int channels, int height, int width, int columns, int scale, Path png) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("can draw 1 or 3 channels, not " + channels);
        }
        int plane = height * width;
        int count = images.length / (channels * plane);
        int rows = (count + columns - 1) / columns;
        int cellW = width * scale + 1;
        int cellH = height * scale + 1;
        BufferedImage image = new BufferedImage(columns * cellW + 1, rows * cellH + 1, BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < count; n++) {
            int left = (n % columns) * cellW + 1;
            int top = (n / columns) * cellH + 1;
            for (int y = 0; y < height * scale; y++) {
                for (int x = 0; x < width * scale; x++) {
                    int pixel = n * channels * plane + (y / scale) * width + x / scale;
                    int red = level(images[pixel]);
                    int rgb = channels == 1 ? red << 16 | red << 8 | red
                            : red << 16 | level(images[pixel + plane]) << 8 | level(images[pixel + 2 * plane]);
                    image.setRGB(left + x, top + y, rgb);
                }
            }
        }
        AtomicFiles.writePng(png, image);
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
