package io.jgym.launcher;

import io.jgym.generative.data.ImageFolder;
import io.jgym.generative.vae.ConvVaeConfig;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jgym train conv-vae-rgb}: the convolutional VAE with a 10-D latent on 80x80 colour images. */
@Command(name = "conv-vae-rgb", mixinStandardHelpOptions = true,
        description = "Train a convolutional VAE (conv 16-32-64, dense 128, 10-D latent) on a folder of colour images"
                + " (generated shapes when no --data is given).")
final class ConvVaeRgbTrainCommand extends ConvVaeTrainCommand {
    @Mixin
    ColourImageData data;

    @Override
    String trainerName() {
        return "conv-vae-rgb";
    }

    @Override
    ConvVaeConfig preset() {
        return ConvVaeConfig.rgb();
    }

    @Override
    Images images(Optional<Map<String, Object>> saved) {
        saved.ifPresent(data::restore);
        ImageFolder.Split split = data.load();
        return new Images(split.train(), split.heldOut(), data.name(), data.details(split));
    }
}
