package io.jgym.generative.vae;

/**
 * How far reconstructions are from the colour of the images they reconstruct, for
 * {@link ConvVaeTrainer}'s {@code quality/held_out_colour_error}. Per image: the mean colour of its
 * subject, the pixels whose brightest channel exceeds {@link #SUBJECT} in the original (the shape
 * on the generated images' dark background), in the original and in the reconstruction; then the
 * mean absolute difference of the two over red, green and blue. Averaged over the images that have
 * a subject. 0 is the right colour everywhere; a grey reconstruction of a saturated colour scores
 * about 0.2 to 0.4, whatever its shape.
 */
final class ColourError {
    /** Brightest channel above which a pixel belongs to the subject (the shapes' backgrounds stay below 0.1). */
    static final float SUBJECT = 0.35f;
    private static final int CHANNELS = 3;

    private ColourError() {
    }

    /**
     * The mean colour error of {@code reconstructions} against {@code originals}, both flat RGB images,
     * each channel by channel (NCHW), {@code plane} pixels per channel; NaN when no image has a subject.
     */
    static double of(float[] originals, float[] reconstructions, int plane) {
        int size = CHANNELS * plane;
        int count = originals.length / size;
        double total = 0;
        int scored = 0;
        for (int n = 0; n < count; n++) {
            double[] original = new double[CHANNELS];
            double[] reconstructed = new double[CHANNELS];
            int subject = 0;
            for (int p = 0; p < plane; p++) {
                int at = n * size + p;
                if (Math.max(originals[at], Math.max(originals[at + plane], originals[at + 2 * plane])) > SUBJECT) {
                    for (int c = 0; c < CHANNELS; c++) {
                        original[c] += originals[at + c * plane];
                        reconstructed[c] += reconstructions[at + c * plane];
                    }
                    subject++;
                }
            }
            if (subject > 0) {
                double error = 0;
                for (int c = 0; c < CHANNELS; c++) {
                    error += Math.abs(original[c] - reconstructed[c]) / subject;
                }
                total += error / CHANNELS;
                scored++;
            }
        }
        return scored == 0 ? Double.NaN : total / scored;
    }
}
