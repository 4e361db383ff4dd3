package io.jgym.launcher;

import io.jgym.generative.data.ImageSet;
import io.jgym.generative.vae.ConvVaeConfig;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jgym train vae}: the convolutional VAE with a 2-D Gaussian latent on MNIST-format images. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "Train a convolutional VAE (conv 32-64, dense 16, 2-D Gaussian latent, Bernoulli pixels) on MNIST-format images.")
final class VaeTrainCommand extends ConvVaeTrainCommand {
    @Mixin
    ImageData data;

    @Override
    String trainerName() {
        return "vae";
    }

    @Override
    ConvVaeConfig preset() {
        return ConvVaeConfig.mnist();
    }

    @Override
    Images images(Optional<Map<String, Object>> saved) {
        saved.ifPresent(data::restore);
        ImageSet train = data.train();
        return new Images(train, data.heldOut(), data.name(), data.details(train));
    }
}
