package io.jgym.generative.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small generated image sets for the trainers' tests: one bright bar per image. */
public final class TestImages {
    private TestImages() {
    }

    /** 10x10 grey images of one bright horizontal (label 0) or vertical (label 1) bar at a random place. */
    public static ImageSet bars(int count, long seed) {
        return bars(count, seed, 1, 10);
    }

    /**
     * {@code side} x {@code side} images with {@code channels} channels of one horizontal (label 0) or
     * vertical (label 1) bar; in colour images the bar lies in one random channel.
     */
    public static ImageSet bars(int count, long seed, int channels, int side) {
        Random random = new Random(seed);
        int plane = side * side;
        float[] pixels = new float[count * channels * plane];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % 2;
            int at = 2 + random.nextInt(side - 4);
            int channel = channels > 1 ? random.nextInt(channels) : 0;
            for (int i = 0; i < side; i++) {
                int y = labels[n] == 0 ? at : i;
                int x = labels[n] == 0 ? i : at;
                pixels[(n * channels + channel) * plane + y * side + x] = 1f;
            }
        }
        return new ImageSet(count, channels, side, side, pixels, labels);
    }

    /**
     * Writes {@code train} and {@code test} (one channel) into {@code folder} as MNIST-format IDX files
     * ({@code train-images-idx3-ubyte}, ...), so a config's {@code data} can point at them; returns the folder.
     */
    public static Path writeIdx(Path folder, ImageSet train, ImageSet test) throws IOException {
        Files.createDirectories(folder);
        writeIdx(folder, "train", train);
        writeIdx(folder, "t10k", test);
        return folder;
    }

    private static void writeIdx(Path folder, String split, ImageSet images) throws IOException {
        if (images.channels() != 1) {
            throw new IllegalArgumentException("IDX files hold grey images");
        }
        try (OutputStream file = Files.newOutputStream(folder.resolve(split + "-images-idx3-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(2051);
            out.writeInt(images.count());
            out.writeInt(images.height());
            out.writeInt(images.width());
            for (float pixel : images.pixels()) {
                out.writeByte(Math.round(pixel * 255));
            }
        }
        try (OutputStream file = Files.newOutputStream(folder.resolve(split + "-labels-idx1-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(2049);
            out.writeInt(images.count());
            for (int label : images.labels()) {
                out.writeByte(label);
            }
        }
    }
}
