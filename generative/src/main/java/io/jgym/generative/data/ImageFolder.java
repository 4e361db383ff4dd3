package io.jgym.generative.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG and JPEG images (searched recursively, in sorted path order) as square RGB
 * images: each is cropped to its centre square and scaled to {@code side} x {@code side}. Images in
 * a sub-folder get that sub-folder's class (sub-folders sorted by name, numbered from 0); images
 * directly in the folder are class 0. Every tenth image (the 10th, 20th, ...) is held out.
 */
public final class ImageFolder {
    private static final int HELD_OUT_EVERY = 10;

    private ImageFolder() {
    }

    /**
     * The training and held-out images of a folder and the class names.
     *
     * @param classes the sub-folder of each class, or just {@code "."} when all images lie in the folder itself
     */
    public record Split(ImageSet train, ImageSet heldOut, List<String> classes) {
    }

    public static Split read(Path folder, int side) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no image folder at " + folder + "; point --data at a folder of PNG or JPEG images");
        }
        List<Path> files = imageFiles(folder);
        if (files.size() < 2) {
            throw new IllegalArgumentException(folder + " holds " + files.size() + " PNG/JPEG images; at least 2 are needed"
                    + " (one is held out per ten)");
        }
        List<String> classes = new ArrayList<>();
        List<float[]> train = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<float[]> heldOut = new ArrayList<>();
        List<Integer> heldOutLabels = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path relative = folder.relativize(files.get(i));
            String className = relative.getNameCount() > 1 ? relative.getName(0).toString() : ".";
            if (!classes.contains(className)) {
                classes.add(className);
            }
            boolean hold = (i + 1) % HELD_OUT_EVERY == 0 || (i == files.size() - 1 && heldOut.isEmpty());
            (hold ? heldOut : train).add(pixels(files.get(i), side));
            (hold ? heldOutLabels : trainLabels).add(classes.indexOf(className));
        }
        return new Split(set(train, trainLabels, side), set(heldOut, heldOutLabels, side), List.copyOf(classes));
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    /** One image cropped to its centre square, scaled to side x side, as RGB planes in [0, 1]. */
    static float[] pixels(Path file, int side) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the image " + file, e);
        }
        if (image == null) {
            throw new IllegalArgumentException(file + " is not an image Java can read (PNG or baseline JPEG)");
        }
        int square = Math.min(image.getWidth(), image.getHeight());
        BufferedImage current = image.getSubimage((image.getWidth() - square) / 2, (image.getHeight() - square) / 2, square, square);
        int size = square;
        do {
            size = Math.max(side, size / 2); // halving steps keep bilinear scaling from skipping pixels
            current = scaled(current, size);
        } while (size > side);
        float[] planes = new float[3 * side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = current.getRGB(x, y);
                planes[y * side + x] = ((rgb >> 16) & 0xFF) / 255f;
                planes[side * side + y * side + x] = ((rgb >> 8) & 0xFF) / 255f;
                planes[2 * side * side + y * side + x] = (rgb & 0xFF) / 255f;
            }
        }
        return planes;
    }

    private static BufferedImage scaled(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    private static ImageSet set(List<float[]> images, List<Integer> labels, int side) {
        int size = 3 * side * side;
        float[] pixels = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * size, size);
        }
        return new ImageSet(images.size(), 3, side, side, pixels, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
