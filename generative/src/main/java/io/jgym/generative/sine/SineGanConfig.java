package io.jgym.generative.sine;

import java.util.List;

/**
 * Settings of {@code sine-gan}. The data are {@code waves} noisy sine waves of {@code points}
 * values on theta = linspace(0, 1, points); wave i uses mode i mod k, with amplitude
 * {@code amplitudes[k]} and frequency {@code frequencies[k]} (cycles over theta), plus Gaussian
 * noise. The defaults are the original's: 200 waves of 250 points alternating sin(2 pi theta) and
 * 3 sin(10 pi theta), noise 0.05, a latent of size 1, 2000 epochs.
 *
 * @param seed                seeds the data, the networks and the latent draws
 * @param epochs              passes over the training waves
 * @param waves               training waves
 * @param points              values per wave
 * @param amplitudes          amplitude of each mode
 * @param frequencies         frequency of each mode (cycles over theta in [0, 1])
 * @param noise               standard deviation of the added noise
 * @param latentSize          generator input size
 * @param generatorLayers     generator hidden widths (LeakyReLU)
 * @param discriminatorLayers discriminator hidden widths (LeakyReLU, dropout)
 * @param dropout             discriminator dropout probability
 * @param learningRate        Adam step size for both networks at the start
 * @param learningRateDecay   factor the step size has shrunk by at the last epoch (exponential; 1 = constant)
 * @param beta1               Adam beta1
 * @param batchSize           waves per minibatch
 * @param pack                samples the discriminator judges together (1: a plain GAN; 2+: PacGAN)
 * @param labelSmoothing      real labels are 1 - this
 * @param smoothing           width (sigma, in points) of the fixed Gaussian low-pass filter that ends the
 *                            generator and that the discriminator sees the training waves through; 0 = none
 * @param trace               epochs between quality measurements and wave snapshots
 * @param evalSamples         generated waves per quality measurement
 */
public record SineGanConfig(long seed, int epochs, int waves, int points, List<Double> amplitudes,
                            List<Double> frequencies, double noise, int latentSize, List<Integer> generatorLayers,
                            List<Integer> discriminatorLayers, double dropout, double learningRate, double learningRateDecay, double beta1,
                            int batchSize, int pack, double labelSmoothing, double smoothing, int trace, int evalSamples) {

    public SineGanConfig {
        amplitudes = List.copyOf(amplitudes);
        frequencies = List.copyOf(frequencies);
        generatorLayers = List.copyOf(generatorLayers);
        discriminatorLayers = List.copyOf(discriminatorLayers);
        if (amplitudes.isEmpty() || amplitudes.size() != frequencies.size()) {
            throw new IllegalArgumentException("give one amplitude per frequency, got " + amplitudes + " and " + frequencies);
        }
        if (epochs <= 0 || waves <= 0 || points < 2 || latentSize <= 0 || batchSize <= 0 || trace <= 0 || evalSamples <= 0) {
            throw new IllegalArgumentException("epochs, waves, latent size, batch size, trace and eval samples must be positive, points >= 2");
        }
        if (pack <= 0 || batchSize % pack != 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be a multiple of pack " + pack);
        }
        if (waves < batchSize) {
            throw new IllegalArgumentException("need at least one batch of waves: " + waves + " < " + batchSize);
        }
        if (!(learningRate > 0) || !(learningRateDecay > 0) || learningRateDecay > 1 || dropout < 0 || dropout >= 1 || noise < 0 || labelSmoothing < 0 || labelSmoothing >= 0.5 || !(smoothing >= 0)) {
            throw new IllegalArgumentException("learning rate must be positive, its decay in (0, 1], dropout in [0, 1), noise >= 0, label smoothing in [0, 0.5), smoothing >= 0");
        }
    }

    /** The original's data and latent with networks and settings that cover both modes. */
    public static SineGanConfig defaults() {
        return new SineGanConfig(1, 2000, 200, 250, List.of(1.0, 3.0), List.of(1.0, 5.0), 0.05, 1,
                List.of(64, 128), List.of(128, 64), 0.0, 5e-4, 0.1, 0.5, 40, 4, 0.0, 2.0, 100, 200);
    }

    /** The same settings with another seed and length. */
    public SineGanConfig with(long newSeed, int newEpochs) {
        return new SineGanConfig(newSeed, newEpochs, waves, points, amplitudes, frequencies, noise, latentSize,
                generatorLayers, discriminatorLayers, dropout, learningRate, learningRateDecay, beta1, batchSize, pack, labelSmoothing,
                smoothing, trace, evalSamples);
    }
}
