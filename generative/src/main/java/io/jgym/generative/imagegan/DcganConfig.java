package io.jgym.generative.imagegan;

import static io.jgym.generative.ConfigChecks.atLeast;
import static io.jgym.generative.ConfigChecks.inRange;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Settings of {@code dcgan-rgb}, a DCGAN for colour images (32x32 by default): the generator
 * turns the latent into a small stack of feature maps and doubles their size with each 2x
 * upsampling followed by a 3x3 convolution; the discriminator halves the image with each 4x4 stride-2
 * convolution. Images are scaled to [-1, 1]; real labels are smoothed.
 */
public record DcganConfig(
        @JsonPropertyDescription("Seed of the networks, the shuffling and the latent draws.")
        long seed,
        @JsonPropertyDescription("Folder of PNG/JPEG images, sub-folders as classes; none = generated coloured shapes.")
        String data,
        @JsonPropertyDescription("Side the images are scaled to, after cropping to their centre square.")
        int imageSize,
        @JsonPropertyDescription("How many shape images to generate when no --data is given.")
        int shapes,
        @JsonPropertyDescription("Use only the first N training images (0: all).")
        int maxImages,
        @JsonPropertyDescription("Passes over the training images.")
        int epochs,
        @JsonPropertyDescription("Generator input size.")
        int latentSize,
        @JsonPropertyDescription("Channels after the dense layer and each upsampling convolution but the last; one doubling each.")
        List<Integer> generatorFilters,
        @JsonPropertyDescription("Channels of each stride-2 discriminator convolution, as many as --generator-filters.")
        List<Integer> discriminatorFilters,
        @JsonPropertyDescription("Adam step size of the generator.")
        double learningRate,
        @JsonPropertyDescription("Adam step size of the discriminator.")
        double discriminatorLearningRate,
        @JsonPropertyDescription("Adam beta1.")
        double beta1,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Images the discriminator judges together, stacked as channels (PacGAN; 1 = plain).")
        int pack,
        @JsonPropertyDescription("Group of images whose feature spread the discriminator sees before its output"
                + " (minibatch standard deviation; 0 = none).")
        int minibatchStdGroup,
        @JsonPropertyDescription("Also show the discriminator, at its input, how widely each --minibatch-std-group's mean"
                + " colours spread: keeps several hues where the generator otherwise settles on one, about 20% slower.")
        boolean colourSpread,
        @JsonPropertyDescription("Real labels are 1 minus this.")
        double labelSmoothing,
        @JsonPropertyDescription("Generated images scored against as many held-out images after each epoch.")
        int evalSamples,
        @JsonPropertyDescription("Decay of the moving average of the generator's weights that samples and scores come from"
                + " (0: the generator itself).")
        double generatorAverage) implements ImageGanConfig {

    public DcganConfig {
        positive("--image-size", imageSize);
        positive("--shapes", shapes);
        notNegative("--max-images", maxImages);
        generatorFilters = widths("--generator-filters", generatorFilters, true);
        discriminatorFilters = widths("--discriminator-filters", discriminatorFilters, true);
        if (generatorFilters.size() != discriminatorFilters.size()) {
            throw new IllegalArgumentException("--discriminator-filters needs as many values as --generator-filters ("
                    + generatorFilters.size() + "), got " + discriminatorFilters);
        }
        int halving = 1 << generatorFilters.size();
        if (imageSize % halving != 0) {
            throw new IllegalArgumentException("--image-size (" + imageSize + ") must divide by " + halving
                    + " (one halving per --generator-filters value)");
        }
        positive("--epochs", epochs);
        positive("--latent-size", latentSize);
        positive("--learning-rate", learningRate);
        positive("--discriminator-learning-rate", discriminatorLearningRate);
        inRange("--beta1", beta1, 0, 1);
        positive("--batch-size", batchSize);
        positive("--pack", pack);
        if (batchSize % pack != 0) {
            throw new IllegalArgumentException("--batch-size (" + batchSize + ") must be a multiple of --pack (" + pack + ")");
        }
        notNegative("--minibatch-std-group", minibatchStdGroup);
        if (minibatchStdGroup > 0 && batchSize / pack % minibatchStdGroup != 0) {
            throw new IllegalArgumentException("--batch-size / --pack (" + batchSize / pack + ") must be a multiple of"
                    + " --minibatch-std-group (" + minibatchStdGroup + ")");
        }
        if (colourSpread && minibatchStdGroup == 0) {
            throw new IllegalArgumentException("--colour-spread needs groups: give --minibatch-std-group a positive value");
        }
        inRange("--label-smoothing", labelSmoothing, 0, 0.5);
        atLeast("--eval-samples", evalSamples, 2);
        inRange("--generator-average", generatorAverage, 0, 1);
    }

    /**
     * Generator 128x4x4 -> 64 -> 32 -> 3 at 32x32, discriminator 32-64-128 with a minibatch standard
     * deviation map before its output, Adam 2e-4 for the generator and 5e-5 for the discriminator
     * (beta1 0.5), smoothing 0.1, 10 epochs of 20,000 shapes. At 80x80 the 620 iterations that fit in
     * minutes left the generator on one hue and two shape classes; at 32x32 an iteration costs a
     * sixth, and the slower discriminator and the minibatch feature kept all three classes and many
     * hues (docs/generative.md).
     */
    public static DcganConfig defaults() {
        return new DcganConfig(1, null, 32, 20_000, 0, 10, 100, List.of(128, 64, 32), List.of(32, 64, 128), 2e-4, 5e-5, 0.5, 32,
                1, 4, false, 0.1, 200, 0);
    }

    @Override
    public MultiLayerNetwork generator(int channels, int height, int width, long iterations) {
        return DcganNetworks.generator(this, channels, height, width);
    }

    @Override
    public MultiLayerNetwork discriminator(int channels, int height, int width, long iterations) {
        return DcganNetworks.discriminator(this, channels, height, width);
    }
}
