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

/** {@code jgym train dense-ae}: the dense 784-100-20-2 autoencoder on MNIST-format images. */
@Command(name = "dense-ae", mixinStandardHelpOptions = true,
        description = "Train a dense autoencoder (784-100-20-2, mirrored, binary cross-entropy) on MNIST-format images.")
final class DenseAeTrainCommand extends AutoencoderTrainCommand {
    @Override
    String trainerName() {
        return "dense-ae";
    }

    @Override
    AutoencoderConfig preset() {
        return AutoencoderConfig.denseAutoencoder();
    }

    @Override
    Trainer trainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName, Path folder) {
        return new AutoencoderTrainer(config, AutoencoderNetworks.Architecture.DENSE, train, heldOut, runName, Optional.of(folder));
    }

    @Override
    List<ProgressPrinter.Column> columns() {
        return List.of(new ProgressPrinter.Column("train BCE", AutoencoderTrainer.TRAIN_LOSS, "%.1f"),
                new ProgressPrinter.Column("held-out BCE", AutoencoderTrainer.HELD_OUT_LOSS, "%.1f"));
    }
}
