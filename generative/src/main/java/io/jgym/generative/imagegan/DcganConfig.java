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
 * Settings of {@code dcgan-rgb}, a DCGAN for colour images (80x80 by default): the generator
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
        @JsonPropertyDescription("Adam step size of both networks.")
        double learningRate,
        @JsonPropertyDescription("Adam beta1.")
        double beta1,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Images the discriminator judges together, stacked as channels (PacGAN; 1 = plain).")
        int pack,
        @JsonPropertyDescription("Real labels are 1 minus this.")
        double labelSmoothing,
        @JsonPropertyDescription("Generated images scored against as many held-out images after each epoch.")
        int evalSamples) implements ImageGanConfig {

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
        inRange("--beta1", beta1, 0, 1);
        positive("--batch-size", batchSize);
        positive("--pack", pack);
        if (batchSize % pack != 0) {
            throw new IllegalArgumentException("--batch-size (" + batchSize + ") must be a multiple of --pack (" + pack + ")");
        }
        inRange("--label-smoothing", labelSmoothing, 0, 0.5);
        atLeast("--eval-samples", evalSamples, 2);
    }

    /**
     * Generator 128x5x5 -> 64 -> 32 -> 16 -> 3 at 80x80 shapes, discriminator 16-32-64-128 on single
     * images (judging pairs, {@code --pack 2}, did not stop the generator settling on one hue at a
     * time in a default run; docs/generative.md), Adam 2e-4 (beta1 0.5), smoothing 0.1.
     */
    public static DcganConfig defaults() {
        return new DcganConfig(1, null, 80, 2000, 0, 10, 100, List.of(128, 64, 32, 16), List.of(16, 32, 64, 128), 2e-4, 0.5, 32,
                1, 0.1, 200);
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
