package io.jgym.envs.render;

import io.jgym.contracts.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * A small drawing surface in pygame's convention as Gymnasium's renderers use it: pixel units with
 * the y axis pointing up (flipped when the frame is taken), so drawing code can follow Gymnasium's
 * coordinates. Draws with Java2D in memory; needs no display.
 */
final class Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    private final int height;

    Canvas(int width, int height, Color background) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.height = height;
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, width, height);
    }

    /** A filled polygon through {@code points} ({x, y} pairs, y up). */
    Canvas polygon(double[][] points, Color color) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points[0][0], height - points[0][1]);
        for (int i = 1; i < points.length; i++) {
            path.lineTo(points[i][0], height - points[i][1]);
        }
        path.closePath();
        g.setColor(color);
        g.fill(path);
        return this;
    }

    /** A rectangle of half-width {@code hw} along the rotated axis from (x, y) with length {@code length}. */
    Canvas rotatedBar(double x, double y, double angle, double length, double halfWidth, Color color) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] corners = {{0, -halfWidth}, {0, halfWidth}, {length, halfWidth}, {length, -halfWidth}};
        double[][] points = new double[4][];
        for (int i = 0; i < 4; i++) {
            points[i] = new double[] {x + corners[i][0] * cos - corners[i][1] * sin, y + corners[i][0] * sin + corners[i][1] * cos};
        }
        return polygon(points, color);
    }

    Canvas circle(double x, double y, double radius, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - radius, height - y - radius, 2 * radius, 2 * radius));
        return this;
    }

    Canvas line(double x1, double y1, double x2, double y2, double width, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, height - y1, x2, height - y2));
        return this;
    }

    /** An axis-aligned filled rectangle with its lower-left corner at (x, y). */
    Canvas rect(double x, double y, double width, double rectHeight, Color color) {
        return polygon(new double[][] {{x, y}, {x, y + rectHeight}, {x + width, y + rectHeight}, {x + width, y}}, color);
    }

    /** The picture as an RGB frame. */
    Frame toFrame() {
        g.dispose();
        int w = image.getWidth();
        int[] argb = image.getRGB(0, 0, w, height, null, 0, w);
        byte[] rgb = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new Frame(w, height, rgb);
    }
}
