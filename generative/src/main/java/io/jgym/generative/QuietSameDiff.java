package io.jgym.generative;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs SameDiff work that prints to standard output: building a gradient function prints one line per
 * differentiated op ({@code SameDiff.createGradFunction} calls {@code System.out.println}), and only the
 * launcher may print. Used by the VAE's step and by {@code dcgan-rgb}'s SameDiff layer.
 */
public final class QuietSameDiff {
    private QuietSameDiff() {
    }

    /** Runs {@code action} with standard output discarded. */
    public static void run(Runnable action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
    }
}
