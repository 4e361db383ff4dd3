package io.jgym.launcher;

import io.jgym.contracts.training.Trainer;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.mnist.AutoencoderConfig;
import io.jgym.generative.mnist.VaeTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code jgym train vae}: the variational autoencoder with a 2-D Gaussian latent on MNIST-format images. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "Train a VAE (dense, 2-D Gaussian latent, Bernoulli pixels) on MNIST-format images.")
final class VaeTrainCommand extends AutoencoderTrainCommand {
    @Override
    String trainerName() {
        return "vae";
    }

    @Override
    AutoencoderConfig preset() {
        return AutoencoderConfig.vae();
    }

    @Override
    Trainer trainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName, Path folder) {
        return new VaeTrainer(config, train, heldOut, runName, Optional.of(folder));
    }

    @Override
    List<ProgressPrinter.Column> columns() {
        return List.of(new ProgressPrinter.Column("train -ELBO", VaeTrainer.TRAIN_NEG_ELBO, "%.1f"),
                new ProgressPrinter.Column("held-out -ELBO", VaeTrainer.HELD_OUT_NEG_ELBO, "%.1f"),
                new ProgressPrinter.Column("held-out reconstruction", VaeTrainer.HELD_OUT_RECONSTRUCTION, "%.1f"));
    }
}
