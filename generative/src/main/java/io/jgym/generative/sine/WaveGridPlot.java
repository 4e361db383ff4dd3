package io.jgym.generative.sine;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Draws the first 12 of a set of waves as a 3 x 4 grid of line plots on a shared y range, as a PNG. */
final class WaveGridPlot {
    private static final int COLUMNS = 4;
    private static final int ROWS = 3;
    private static final int CELL_WIDTH = 220;
    private static final int CELL_HEIGHT = 120;
    private static final double Y_RANGE = 4.0;

    private WaveGridPlot() {
    }

    static void write(float[] waves, int points, String title, Path png) {
        BufferedImage image = new BufferedImage(COLUMNS * CELL_WIDTH, ROWS * CELL_HEIGHT + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.drawString(title, 6, 14);
        int count = Math.min(COLUMNS * ROWS, waves.length / points);
        for (int w = 0; w < count; w++) {
            int left = (w % COLUMNS) * CELL_WIDTH + 4;
            int top = (w / COLUMNS) * CELL_HEIGHT + 24;
            int width = CELL_WIDTH - 8;
            int height = CELL_HEIGHT - 8;
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(left, top, width, height);
            g.drawLine(left, top + height / 2, left + width, top + height / 2);
            g.setColor(new Color(30, 90, 170));
            g.setStroke(new BasicStroke(1.3f));
            for (int i = 1; i < points; i++) {
                g.drawLine(x(i - 1, points, left, width), y(waves[w * points + i - 1], top, height),
                        x(i, points, left, width), y(waves[w * points + i], top, height));
            }
        }
        g.dispose();
        AtomicFiles.writePng(png, image);
    }

    private static int x(int i, int points, int left, int width) {
        return left + (int) Math.round((double) i / (points - 1) * width);
    }

    private static int y(float value, int top, int height) {
        double clamped = Math.max(-Y_RANGE, Math.min(Y_RANGE, value));
        return top + (int) Math.round((0.5 - clamped / (2 * Y_RANGE)) * height);
    }
}
