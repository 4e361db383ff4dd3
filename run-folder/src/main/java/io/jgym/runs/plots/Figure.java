package io.jgym.runs.plots;

import io.jgym.contracts.files.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Tiles XChart panels into one picture, row by row, each at its own size, and writes it as a PNG
 * atomically (a reader never sees half a plot). Used for the run folder's learning curve and for
 * reports that show several panels side by side.
 */
public final class Figure {
    private Figure() {
    }

    /** The panels drawn {@code columns} to a row on a white background. */
    public static BufferedImage image(List<XYChart> panels, int columns) {
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a figure needs at least one panel and one column, got " + panels.size()
                    + " panels in " + columns + " columns");
        }
        int rows = (panels.size() + columns - 1) / columns;
        int[] rowHeights = new int[rows];
        int[] columnWidths = new int[columns];
        for (int i = 0; i < panels.size(); i++) {
            rowHeights[i / columns] = Math.max(rowHeights[i / columns], panels.get(i).getHeight());
            columnWidths[i % columns] = Math.max(columnWidths[i % columns], panels.get(i).getWidth());
        }
        BufferedImage image = new BufferedImage(sum(columnWidths, columns), sum(rowHeights, rows), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            XYChart panel = panels.get(i);
            Graphics2D cell = (Graphics2D) g.create(sum(columnWidths, i % columns), sum(rowHeights, i / columns),
                    panel.getWidth(), panel.getHeight());
            panel.paint(cell, panel.getWidth(), panel.getHeight());
            cell.dispose();
        }
        g.dispose();
        return image;
    }

    /** Writes {@link #image} of the panels to {@code png}. */
    public static void write(List<XYChart> panels, int columns, Path png) {
        AtomicFiles.writePng(png, image(panels, columns));
    }

    /** The sum of the first {@code count} sizes: where cell {@code count} starts. */
    private static int sum(int[] sizes, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += sizes[i];
        }
        return total;
    }
}
