package io.jgym.generative.sine;

import static io.jgym.generative.ConfigChecks.above;
import static io.jgym.generative.ConfigChecks.atLeast;
import static io.jgym.generative.ConfigChecks.inRange;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.generative.gan.GanNetworks;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * Settings of {@code sine-gan}. The data are {@code waves} noisy sine waves of {@code points}
 * values on theta = linspace(0, 1, points); wave i uses mode i mod k, with amplitude
 * {@code amplitudes[k]} and frequency {@code frequencies[k]} (cycles over theta), plus Gaussian
 * noise. The defaults are the original's: 200 waves of 250 points alternating sin(2 pi theta) and
 * 3 sin(10 pi theta), noise 0.05, a latent of size 1, 2000 epochs. The learning rate decays over the
 * run's first budget of epochs; an extended run keeps shrinking it at the same rate.
 */
public record SineGanConfig(
        @JsonPropertyDescription("Seed of the data, the networks and the latent draws.")
        long seed,
        @JsonPropertyDescription("Passes over the training waves.")
        int epochs,
        @JsonPropertyDescription("Training waves.")
        int waves,
        @JsonPropertyDescription("Values per wave.")
        int points,
        @JsonPropertyDescription("Amplitude of each mode.")
        List<Double> amplitudes,
        @JsonPropertyDescription("Frequency of each mode, in cycles over [0, 1].")
        List<Double> frequencies,
        @JsonPropertyDescription("Standard deviation of the noise added to the training waves.")
        double noise,
        @JsonPropertyDescription("Generator input size.")
        int latentSize,
        @JsonPropertyDescription("Generator hidden widths (LeakyReLU).")
        List<Integer> generatorLayers,
        @JsonPropertyDescription("Discriminator hidden widths (LeakyReLU, dropout).")
        List<Integer> discriminatorLayers,
        @JsonPropertyDescription("Dropout probability after each discriminator hidden layer.")
        double dropout,
        @JsonPropertyDescription("Adam step size of both networks at the start.")
        double learningRate,
        @JsonPropertyDescription("Factor the step size has shrunk by at the last epoch of the first budget (exponential; 1 = constant).")
        double learningRateDecay,
        @JsonPropertyDescription("Adam beta1.")
        double beta1,
        @JsonPropertyDescription("Waves per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Samples the discriminator judges together; 1 = plain GAN, more = PacGAN against mode collapse.")
        int pack,
        @JsonPropertyDescription("Real labels are 1 minus this.")
        double labelSmoothing,
        @JsonPropertyDescription("Width in points of the fixed low-pass filter ending the generator and applied to the waves the"
                + " discriminator sees; 0 = train on the raw noisy waves.")
        double smoothing,
        @JsonPropertyDescription("Epochs between quality scores, snapshots and checkpoints.")
        int trace,
        @JsonPropertyDescription("Generated waves per quality score.")
        int evalSamples) {

    public SineGanConfig {
        amplitudes = widths("--amplitudes", amplitudes, true);
        frequencies = widths("--frequencies", frequencies, true);
        generatorLayers = widths("--generator-layers", generatorLayers, false);
        discriminatorLayers = widths("--discriminator-layers", discriminatorLayers, false);
        if (amplitudes.size() != frequencies.size()) {
            throw new IllegalArgumentException("--amplitudes and --frequencies need one value per mode, got " + amplitudes
                    + " and " + frequencies);
        }
        positive("--epochs", epochs);
        positive("--waves", waves);
        atLeast("--points", points, 2);
        notNegative("--noise", noise);
        positive("--latent-size", latentSize);
        inRange("--dropout", dropout, 0, 1);
        positive("--learning-rate", learningRate);
        above("--learning-rate-decay", learningRateDecay, 0, 1);
        inRange("--beta1", beta1, 0, 1);
        positive("--batch-size", batchSize);
        positive("--pack", pack);
        if (batchSize % pack != 0) {
            throw new IllegalArgumentException("--batch-size (" + batchSize + ") must be a multiple of --pack (" + pack + ")");
        }
        if (waves < batchSize) {
            throw new IllegalArgumentException("--waves (" + waves + ") must hold at least one batch (" + batchSize + ")");
        }
        inRange("--label-smoothing", labelSmoothing, 0, 0.5);
        notNegative("--smoothing", smoothing);
        positive("--trace", trace);
        positive("--eval-samples", evalSamples);
    }

    /** The original's data and latent with networks and settings that cover both modes. */
    public static SineGanConfig defaults() {
        return new SineGanConfig(1, 2000, 200, 250, List.of(1.0, 3.0), List.of(1.0, 5.0), 0.05, 1,
                List.of(64, 128), List.of(128, 64), 0.0, 5e-4, 0.1, 0.5, 40, 4, 0.0, 2.0, 100, 200);
    }

    /** The fixed low-pass filter behind the generator and in front of the discriminator, if {@code smoothing > 0}. */
    public Optional<LowPassFilter> filter() {
        return smoothing > 0 ? Optional.of(new LowPassFilter(points, smoothing)) : Optional.empty();
    }

    /** Minibatch updates in the first budget of epochs: the span of the learning-rate decay. */
    public long iterations() {
        return (long) epochs * (waves / batchSize);
    }

    /** A new generator, ending in {@code filter} when there is one. */
    public MultiLayerNetwork generator(Optional<LowPassFilter> filter) {
        var rate = GanNetworks.decaying(learningRate, learningRateDecay, iterations());
        return filter.map(f -> GanNetworks.generator(seed, latentSize, generatorLayers, points, Activation.IDENTITY, rate, beta1, f.matrix()))
                .orElseGet(() -> GanNetworks.generator(seed, latentSize, generatorLayers, points, Activation.IDENTITY, rate, beta1));
    }

    /** A new discriminator of {@code pack} waves side by side. */
    public MultiLayerNetwork discriminator() {
        return GanNetworks.discriminator(seed, points * pack, discriminatorLayers, dropout,
                GanNetworks.decaying(learningRate, learningRateDecay, iterations()), beta1);
    }
}
