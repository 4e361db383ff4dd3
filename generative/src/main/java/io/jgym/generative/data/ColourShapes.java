package io.jgym.generative.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A generated set of colour images for the RGB trainers when no image folder is given: on a dark
 * background, one filled circle (class 0), square (1) or triangle (2) of a random bright colour,
 * size and place. Needs no files, so a new user can train {@code conv-vae-rgb} or {@code dcgan-rgb}
 * at once; the same seed gives the same images.
 */
public final class ColourShapes {
    /** The class names, by label. */
    public static final String[] CLASSES = {"circle", "square", "triangle"};

    private ColourShapes() {
    }

    public static ImageSet generate(int count, int side, long seed) {
        Random random = new Random(seed);
        int plane = side * side;
        float[] pixels = new float[count * 3 * plane];
        int[] labels = new int[count];
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(CLASSES.length);
            draw(image, labels[n], random);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int rgb = image.getRGB(x, y);
                    int at = n * 3 * plane + y * side + x;
                    pixels[at] = ((rgb >> 16) & 0xFF) / 255f;
                    pixels[at + plane] = ((rgb >> 8) & 0xFF) / 255f;
                    pixels[at + 2 * plane] = (rgb & 0xFF) / 255f;
                }
            }
        }
        return new ImageSet(count, 3, side, side, pixels, labels);
    }

    private static void draw(BufferedImage image, int shape, Random random) {
        int side = image.getWidth();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0.1f * random.nextFloat(), 0.1f * random.nextFloat(), 0.1f * random.nextFloat()));
        g.fillRect(0, 0, side, side);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f + 0.4f * random.nextFloat(), 0.7f + 0.3f * random.nextFloat()));
        int size = Math.max(3, Math.round(side * (0.3f + 0.35f * random.nextFloat())));
        int left = random.nextInt(side - size + 1);
        int top = random.nextInt(side - size + 1);
        switch (shape) {
            case 0 -> g.fillOval(left, top, size, size);
            case 1 -> g.fillRect(left, top, size, size);
            default -> g.fillPolygon(new int[] {left, left + size, left + size / 2}, new int[] {top + size, top + size, top}, 3);
        }
        g.dispose();
    }
}
