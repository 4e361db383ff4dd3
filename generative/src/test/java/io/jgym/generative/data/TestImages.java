package io.jgym.generative.data;

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
}
