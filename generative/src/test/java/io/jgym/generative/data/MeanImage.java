package io.jgym.generative.data;

/**
 * The baseline an image model's held-out loss must beat: every held-out image "reconstructed" as
 * the mean training image, scored with binary cross-entropy summed over pixels (nats per image).
 * The mean image is the best model that treats pixels as independent, so a model below it has
 * learned how pixels go together. Used by the autoencoder and VAE tests.
 */
public final class MeanImage {
    private static final double EPSILON = 1e-6;

    private MeanImage() {
    }

    public static double heldOutBce(ImageSet train, ImageSet heldOut) {
        int size = train.size();
        double[] mean = new double[size];
        for (int i = 0; i < train.count(); i++) {
            for (int p = 0; p < size; p++) {
                mean[p] += train.pixels()[i * size + p];
            }
        }
        double total = 0;
        for (int p = 0; p < size; p++) {
            mean[p] = Math.min(1 - EPSILON, Math.max(EPSILON, mean[p] / train.count()));
        }
        for (int i = 0; i < heldOut.count(); i++) {
            for (int p = 0; p < size; p++) {
                double x = heldOut.pixels()[i * size + p];
                total -= x * Math.log(mean[p]) + (1 - x) * Math.log(1 - mean[p]);
            }
        }
        return total / heldOut.count();
    }
}
