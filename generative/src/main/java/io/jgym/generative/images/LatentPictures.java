package io.jgym.generative.images;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The pictures of a 2-D latent space that the autoencoder and the VAE share: a scatter of the codes
 * of held-out images coloured by class, with a legend of the class numbers ({@code codes.png}), and
 * a grid of images decoded from codes spread evenly over an {@link Area} of the plane
 * ({@code decoded.png}).
 */
public final class LatentPictures {
    private static final int SCATTER_SIZE = 600;
    private static final int HEADER_HEIGHT = 28;
    private static final Color[] CLASS_COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private LatentPictures() {
    }

    /** Scatter of {@code codes} (row-major [n, 2]) coloured by {@code labels}, scaled to their extent. */
    public static void scatter(float[] codes, int[] labels, Path png) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < labels.length; i++) {
            minX = Math.min(minX, codes[2 * i]);
            maxX = Math.max(maxX, codes[2 * i]);
            minY = Math.min(minY, codes[2 * i + 1]);
            maxY = Math.max(maxY, codes[2 * i + 1]);
        }
        BufferedImage image = new BufferedImage(SCATTER_SIZE, SCATTER_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SCATTER_SIZE, SCATTER_SIZE);
        float spanX = Math.max(maxX - minX, 1e-6f);
        float spanY = Math.max(maxY - minY, 1e-6f);
        for (int i = 0; i < labels.length; i++) {
            int x = 10 + Math.round((codes[2 * i] - minX) / spanX * (SCATTER_SIZE - 20));
            int y = SCATTER_SIZE - 10 - Math.round((codes[2 * i + 1] - minY) / spanY * (SCATTER_SIZE - 10 - HEADER_HEIGHT));
            g.setColor(CLASS_COLOURS[Math.floorMod(labels[i], CLASS_COLOURS.length)]);
            g.fillOval(x - 2, y - 2, 4, 4);
        }
        g.setColor(Color.BLACK);
        String header = String.format("x: %.2f .. %.2f   y: %.2f .. %.2f   class: ", minX, maxX, minY, maxY);
        g.drawString(header, 10, 16);
        legend(g, labels, 10 + g.getFontMetrics().stringWidth(header));
        g.dispose();
        AtomicFiles.writePng(png, image);
    }

    /** A swatch and the number of each class that occurs in {@code labels}, in a row from {@code left}. */
    private static void legend(Graphics2D g, int[] labels, int left) {
        int x = left;
        for (int label : java.util.Arrays.stream(labels).distinct().sorted().toArray()) {
            g.setColor(CLASS_COLOURS[Math.floorMod(label, CLASS_COLOURS.length)]);
            g.fillRect(x, 7, 9, 9);
            g.setColor(Color.BLACK);
            g.drawString(Integer.toString(label), x + 11, 16);
            x += 14 + g.getFontMetrics().stringWidth(Integer.toString(label)) + 6;
        }
    }

    /** A rectangle of the latent plane: x from {@code left} to {@code right}, y from {@code bottom} to {@code top}. */
    public record Area(float left, float right, float bottom, float top) {
        /** The square [-extent, extent] on both axes (a VAE's prior). */
        public static Area square(float extent) {
            return new Area(-extent, extent, -extent, extent);
        }

        /**
         * Where most of {@code codes} (row-major [n, 2]) lie: from the 2nd to the 98th percentile on
         * each axis, so a few far-out codes do not leave most of the grid empty.
         */
        public static Area ofCodes(float[] codes) {
            float[] xs = new float[codes.length / 2];
            float[] ys = new float[codes.length / 2];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = codes[2 * i];
                ys[i] = codes[2 * i + 1];
            }
            java.util.Arrays.sort(xs);
            java.util.Arrays.sort(ys);
            int low = (int) (0.02 * (xs.length - 1));
            int high = (int) Math.ceil(0.98 * (xs.length - 1));
            return new Area(xs[low], xs[high], ys[low], ys[high]);
        }
    }

    /**
     * Decodes a {@code steps} x {@code steps} grid of codes spread evenly over {@code area} (row-major
     * [steps^2, 2] into {@code decoder}, images in [0, 1] out; top row = top of the area) and writes
     * them as one grid.
     */
    public static void decodedGrid(UnaryOperator<float[]> decoder, int steps, Area area, int channels, int height, int width,
                                   Path png) {
        float[] codes = new float[steps * steps * 2];
        for (int row = 0; row < steps; row++) {
            for (int column = 0; column < steps; column++) {
                int i = row * steps + column;
                codes[2 * i] = area.left() + (area.right() - area.left()) * column / (steps - 1);
                codes[2 * i + 1] = area.top() - (area.top() - area.bottom()) * row / (steps - 1);
            }
        }
        ImageGrid.write(decoder.apply(codes), channels, height, width, steps, 1, png);
    }
}
