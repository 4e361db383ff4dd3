package io.jgym.runs;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a PNG with one panel per chosen metric against the episode: the raw values as light dots
 * and their moving average as a line. Headless Java2D, so it works on servers and in CI.
 */
public final class LearningCurvePlot {
    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 220;
    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 28;
    private static final int MARGIN_BOTTOM = 30;
    private static final Color DOTS = new Color(70, 130, 180, 90);
    private static final Color LINE = new Color(200, 60, 30);

    private final int averageWindow;

    /** @param averageWindow episodes in the moving average drawn over each panel */
    public LearningCurvePlot(int averageWindow) {
        this.averageWindow = averageWindow;
    }

    /** Writes the plot of {@code metrics} (those present in {@code table}) to {@code png}. */
    public void write(MetricsTable table, List<String> metrics, Path png) {
        List<String> present = metrics.stream().filter(table::hasColumn).toList();
        BufferedImage image = new BufferedImage(WIDTH, Math.max(1, present.size()) * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        double[] episodes = table.hasColumn("episode") ? table.column("episode") : new double[0];
        for (int i = 0; i < present.size(); i++) {
            drawPanel(g, i * PANEL_HEIGHT, present.get(i), episodes, table.column(present.get(i)));
        }
        g.dispose();
        AtomicFiles.writePng(png, image);
    }

    private void drawPanel(Graphics2D g, int top, String name, double[] xs, double[] ys) {
        int left = MARGIN_LEFT;
        int right = WIDTH - MARGIN_RIGHT;
        int plotTop = top + MARGIN_TOP;
        int bottom = top + PANEL_HEIGHT - MARGIN_BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(name + (averageWindow > 1 ? "  (line: mean of last " + averageWindow + ")" : ""), left, top + 18);
        double xMin = xs.length == 0 ? 0 : xs[0];
        double xMax = xs.length == 0 ? 1 : Math.max(xs[xs.length - 1], xMin + 1);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (!Double.isFinite(yMin)) {
            yMin = 0;
            yMax = 1;
        } else if (yMax - yMin < 1e-12) {
            yMin -= 0.5;
            yMax += 0.5;
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, plotTop, right - left, bottom - plotTop);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(format(yMax), 4, plotTop + 10);
        g.drawString(format(yMin), 4, bottom);
        g.drawString("episode " + (long) xMin, left, bottom + 16);
        String end = "episode " + (long) xMax;
        g.drawString(end, right - g.getFontMetrics().stringWidth(end), bottom + 16);
        double xScale = (right - left) / (xMax - xMin);
        double yScale = (bottom - plotTop) / (yMax - yMin);
        g.setColor(DOTS);
        for (int i = 0; i < ys.length; i++) {
            if (Double.isFinite(ys[i])) {
                int px = (int) Math.round(left + (xs[i] - xMin) * xScale);
                int py = (int) Math.round(bottom - (ys[i] - yMin) * yScale);
                g.fillOval(px - 2, py - 2, 4, 4);
            }
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(2f));
        double sum = 0;
        int count = 0;
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < ys.length; i++) {
            if (Double.isFinite(ys[i])) {
                sum += ys[i];
                count++;
            }
            int old = i - averageWindow;
            if (old >= 0 && Double.isFinite(ys[old])) {
                sum -= ys[old];
                count--;
            }
            if (count == 0) {
                continue;
            }
            int px = (int) Math.round(left + (xs[i] - xMin) * xScale);
            int py = (int) Math.round(bottom - (sum / count - yMin) * yScale);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, px, py);
            }
            previousX = px;
            previousY = py;
        }
    }

    private static String format(double value) {
        return Math.abs(value) >= 1000 || value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.3g", value);
    }
}
