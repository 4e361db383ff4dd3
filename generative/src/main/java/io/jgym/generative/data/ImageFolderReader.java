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
 * Reads a folder of PNG and JPEG pictures as an RGB {@link ImageSet}, each resized to
 * {@code size x size}. Pictures directly in the folder get label 0; with sub-folders, each
 * sub-folder (in name order) is one class, as torchvision's ImageFolder does. Files are read in
 * name order, so a folder always gives the same set.
 */
public final class ImageFolderReader {
    private static final int CHANNELS = 3;

    private ImageFolderReader() {
    }

    public static ImageSet read(Path folder, int size) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no image folder at " + folder + "; pass --data with a folder of PNG or JPEG files");
        }
        List<Path> classes = subfolders(folder);
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        if (classes.isEmpty()) {
            for (Path file : pictures(folder)) {
                files.add(file);
                labels.add(0);
            }
        } else {
            for (int label = 0; label < classes.size(); label++) {
                for (Path file : pictures(classes.get(label))) {
                    files.add(file);
                    labels.add(label);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .png, .jpg or .jpeg files in " + folder);
        }
        int values = CHANNELS * size * size;
        float[] pixels = new float[files.size() * values];
        for (int n = 0; n < files.size(); n++) {
            BufferedImage resized = resized(files.get(n), size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int rgb = resized.getRGB(x, y);
                    for (int c = 0; c < CHANNELS; c++) {
                        int value = (rgb >> (16 - 8 * c)) & 0xFF;
                        pixels[n * values + c * size * size + y * size + x] = value / 255f;
                    }
                }
            }
        }
        return new ImageSet(files.size(), CHANNELS, size, size, pixels, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static BufferedImage resized(Path file, int size) {
        BufferedImage original;
        try {
            original = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the picture " + file, e);
        }
        if (original == null) {
            throw new IllegalArgumentException(file + " is not a picture Java can read (PNG or JPEG expected)");
        }
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(original, 0, 0, size, size, null);
        g.dispose();
        return target;
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    private static List<Path> pictures(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }
}
