package io.jgym.generative;

/**
 * Lets DL4J's layers use ND4J's oneDNN kernels. deeplearning4j 1.0.0-M2.1 creates no layer helper
 * unless the system property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false}
 * (its default is {@code true}); the builders of convolutional networks ({@code conv-ae},
 * {@code dcgan-rgb}) call {@link #enable()} first. Whether a helper then stays is decided per layer
 * by DL4J, through {@code org.nd4j.nativeblas.Nd4jCpu} in this module: only with a oneDNN build of
 * nd4j-native. A user's explicit {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} wins.
 */
public final class LayerHelpers {
    static final String DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private LayerHelpers() {
    }

    /** Allows DL4J to create layer helpers from now on, unless the JVM was started with the property set. */
    public static void enable() {
        if (System.getProperty(DISABLE) == null) {
            System.setProperty(DISABLE, "false");
        }
    }
}
