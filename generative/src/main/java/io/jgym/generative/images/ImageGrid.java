package io.jgym.generative.images;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Writes grey-scale images (values in [0, 1], row-major, one after the other) as one PNG grid,
 * {@code columns} images per row with a one-pixel gap, each pixel drawn {@code scale} times larger.
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    public static void write(float[] images, int height, int width, int columns, int scale, Path png) {
        int count = images.length / (height * width);
        int rows = (count + columns - 1) / columns;
        int cellW = width * scale + 1;
        int cellH = height * scale + 1;
        BufferedImage image = new BufferedImage(columns * cellW + 1, rows * cellH + 1, BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < count; n++) {
            int left = (n % columns) * cellW + 1;
            int top = (n / columns) * cellH + 1;
            for (int y = 0; y < height * scale; y++) {
                for (int x = 0; x < width * scale; x++) {
                    float v = images[n * height * width + (y / scale) * width + x / scale];
                    int grey = Math.max(0, Math.min(255, Math.round(v * 255)));
                    image.setRGB(left + x, top + y, grey << 16 | grey << 8 | grey);
                }
            }
        }
        AtomicFiles.writePng(png, image);
    }
}
