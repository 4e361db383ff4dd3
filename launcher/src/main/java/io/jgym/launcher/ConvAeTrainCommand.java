package io.jgym.launcher;

import io.jgym.contracts.training.Trainer;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.autoencoder.AutoencoderConfig;
import io.jgym.generative.autoencoder.AutoencoderNetworks;
import io.jgym.generative.autoencoder.AutoencoderTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code jgym train conv-ae}: the convolutional autoencoder (conv 16-8-8, 2-D code) on 28x28 MNIST-format images. */
@Command(name = "conv-ae", mixinStandardHelpOptions = true,
        description = "Train a convolutional autoencoder (conv 16-8-8 + pooling, 2-D code, upsampling decoder) on 28x28 images.")
final class ConvAeTrainCommand extends AutoencoderTrainCommand {
    @Override
    String trainerName() {
        return "conv-ae";
    }

    @Override
    AutoencoderConfig preset() {
        return AutoencoderConfig.convAutoencoder();
    }

    @Override
    Trainer trainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName, Path folder) {
        return new AutoencoderTrainer(config, AutoencoderNetworks.Architecture.CONV, train, heldOut, runName, Optional.of(folder));
    }

    @Override
    List<ProgressPrinter.Column> columns() {
        return List.of(new ProgressPrinter.Column("train BCE", AutoencoderTrainer.TRAIN_LOSS, "%.1f"),
                new ProgressPrinter.Column("held-out BCE", AutoencoderTrainer.HELD_OUT_LOSS, "%.1f"));
    }
}
