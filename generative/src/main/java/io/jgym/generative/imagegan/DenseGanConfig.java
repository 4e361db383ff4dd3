package io.jgym.generative.imagegan;

import static io.jgym.generative.ConfigChecks.above;
import static io.jgym.generative.ConfigChecks.atLeast;
import static io.jgym.generative.ConfigChecks.given;
import static io.jgym.generative.ConfigChecks.inRange;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.gan.GanNetworks;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * Settings of {@code dense-gan}: the classic MNIST GAN, generator 100-200-200-784 (tanh),
 * discriminator 784-200-100-1, trained on MNIST-format images scaled to [-1, 1]. The learning rate
 * decays over the run's first budget of epochs; an extended run keeps shrinking it at the same rate.
 */
public record DenseGanConfig(
        @JsonPropertyDescription("Seed of the networks, the shuffling and the latent draws.")
        long seed,
        @JsonPropertyDescription("Folder with train-/t10k- MNIST-format IDX files, .gz or not.")
        String data,
        @JsonPropertyDescription("Use only the first N training images (0: all).")
        int maxImages,
        @JsonPropertyDescription("Passes over the training images.")
        int epochs,
        @JsonPropertyDescription("Generator input size.")
        int latentSize,
        @JsonPropertyDescription("Generator hidden widths (LeakyReLU).")
        List<Integer> generatorLayers,
        @JsonPropertyDescription("Discriminator hidden widths (LeakyReLU, dropout).")
        List<Integer> discriminatorLayers,
        @JsonPropertyDescription("Dropout probability after each discriminator hidden layer.")
        double dropout,
        @JsonPropertyDescription("Adam step size at the start.")
        double learningRate,
        @JsonPropertyDescription("Factor the step size has shrunk by at the end of the first budget (1 = constant).")
        double learningRateDecay,
        @JsonPropertyDescription("Adam beta1.")
        double beta1,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Images the discriminator judges together (PacGAN; 1 = plain).")
        int pack,
        @JsonPropertyDescription("Real labels are 1 minus this.")
        double labelSmoothing,
        @JsonPropertyDescription("Generated images scored against as many held-out images after each epoch.")
        int evalSamples,
        @JsonPropertyDescription("Decay of the moving average of the generator's weights that samples and scores come from"
                + " (0: the generator itself); averaging removes the step-to-step jitter seen as salt-and-pepper pixels.")
        double generatorAverage) implements ImageGanConfig {

    public DenseGanConfig {
        given("--data", data);
        notNegative("--max-images", maxImages);
        generatorLayers = widths("--generator-layers", generatorLayers, false);
        discriminatorLayers = widths("--discriminator-layers", discriminatorLayers, false);
        positive("--epochs", epochs);
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
        inRange("--label-smoothing", labelSmoothing, 0, 0.5);
        atLeast("--eval-samples", evalSamples, 2);
        inRange("--generator-average", generatorAverage, 0, 1);
    }

    @Override
    public MultiLayerNetwork generator(int channels, int height, int width, long iterations) {
        return GanNetworks.generator(seed, latentSize, generatorLayers, channels * height * width, Activation.TANH,
                GanNetworks.decaying(learningRate, learningRateDecay, iterations), beta1);
    }

    @Override
    public MultiLayerNetwork discriminator(int channels, int height, int width, long iterations) {
        return GanNetworks.discriminator(seed, channels * height * width * pack, discriminatorLayers, dropout,
                GanNetworks.decaying(learningRate, learningRateDecay, iterations), beta1);
    }

    public static DenseGanConfig defaults() {
        return new DenseGanConfig(1, ImageSources.FASHION_MNIST, 0, 5, 100, List.of(200, 200), List.of(200, 100), 0.3, 2e-4, 1.0,
                0.5, 64, 1, 0.1, 500, 0.999);
    }
}
