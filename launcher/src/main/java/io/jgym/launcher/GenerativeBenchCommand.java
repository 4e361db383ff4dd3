package io.jgym.launcher;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.imagegan.ImageGanTrainer;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.imagegan.DenseGanConfig;
import io.jgym.generative.sine.SineGanConfig;
import io.jgym.generative.sine.SineGanTrainer;
import io.jgym.generative.vae.ConvVaeConfig;
import io.jgym.generative.vae.ConvVaeTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench generative}: trains {@code sine-gan} with its defaults for seeds 1..N and prints
 * wall time, time per epoch and the final quality scores per seed, with how many seeds covered both
 * modes (each 25-75% of the valid waves, valid share at least 0.9); then {@code dense-gan} and
 * {@code vae} for a few epochs on the MNIST-format files in {@code --data} (Fashion-MNIST by
 * default), when present, one row per epoch, with the published held-out -ELBO of a 2-D VAE on
 * MNIST beside the VAE's rows.
 */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "Wall time and final mode coverage of sine-gan (default settings) over several seeds.")
final class GenerativeBenchCommand implements Callable<Integer> {
    private static final double MIN_VALID = 0.9;
    private static final double MIN_MODE_SHARE = 0.25;
    private static final String PUBLISHED_MNIST_2D_NEG_ELBO = "140-155";

    @Option(names = "--seeds", description = "Seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--epochs", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = SineGanConfig.defaults().epochs();

    @Mixin
    ImageData images;

    @Option(names = "--image-epochs", description = "Epochs of dense-gan and of vae; 0 skips them (default: ${DEFAULT-VALUE}).")
    int imageEpochs = 3;

    @Override
    public Integer call() {
        System.out.println("| trainer | seed | epochs | wall s | ms/epoch | valid share | mode 0 / 1 share of valid | mode 0 / 1 share by shape | MMD | both modes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        int covered = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            System.err.printf("bench generative: sine-gan, seed %d (%d epochs)...%n", seed, epochs);
            EpisodeReport[] last = new EpisodeReport[1];
            long started = System.nanoTime();
            new SineGanTrainer(SineGanConfig.defaults().with(seed, epochs), "bench-" + seed, Optional.empty())
                    .train(new TrainingListener() {
                        @Override
                        public void onEpisode(EpisodeReport report) {
                            last[0] = report;
                        }
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            double valid = last[0].metrics().get(SineGanTrainer.VALID_SHARE);
            double mode0 = last[0].metrics().get(SineGanTrainer.modeShare(0));
            double mode1 = last[0].metrics().get(SineGanTrainer.modeShare(1));
            boolean both = valid >= MIN_VALID && Math.min(mode0, mode1) >= MIN_MODE_SHARE;
            covered += both ? 1 : 0;
            System.out.printf("| sine-gan | %d | %d | %.1f | %.1f | %.2f | %.2f / %.2f | %.2f / %.2f | %.3f | %s |%n", seed, epochs,
                    seconds, 1000 * seconds / epochs, valid, mode0, mode1, last[0].metrics().get(SineGanTrainer.shapeShare(0)),
                    last[0].metrics().get(SineGanTrainer.shapeShare(1)), last[0].metrics().get(SineGanTrainer.MMD), both ? "yes" : "no");
        }
        System.out.printf("both modes covered on %d of %d seeds%n", covered, seeds);
        if (imageEpochs > 0) {
            imageTrainers();
        }
        return 0;
    }

    private void imageTrainers() {
        ImageSet train;
        ImageSet heldOut;
        try {
            train = images.train();
            heldOut = images.heldOut();
        } catch (IllegalArgumentException e) {
            System.out.println("dense-gan and vae skipped: " + e.getMessage());
            return;
        }
        DenseGanConfig gan = DenseGanConfig.defaults().withEpochs(imageEpochs);
        ClassifierQuality judge = images.judge(train, heldOut, Path.of("runs"), gan.evalSamples());
        perEpoch("dense-gan", train, new ImageGanTrainer(gan, train, heldOut, "bench-dense-gan", Optional.empty(),
                Optional.of(judge)), ImageGanTrainer.SECONDS, List.of(ImageGanTrainer.DISCRIMINATOR_LOSS,
                ImageGanTrainer.GENERATOR_LOSS, ImageGanTrainer.MMD, ImageGanTrainer.FRECHET, ImageGanTrainer.CLASSIFIER_SCORE,
                ImageGanTrainer.CLASSES_COVERED));
        ConvVaeConfig vae = ConvVaeConfig.mnist().withEpochs(imageEpochs);
        perEpoch("vae", train, new ConvVaeTrainer(vae, train, heldOut, "bench-vae", Optional.empty()), null,
                List.of(ConvVaeTrainer.TRAIN_NEG_ELBO, ConvVaeTrainer.HELD_OUT_NEG_ELBO, ConvVaeTrainer.HELD_OUT_RECONSTRUCTION,
                        ConvVaeTrainer.HELD_OUT_KL));
        System.out.printf("published: a VAE with a 2-D latent reaches a held-out -ELBO of about %s nats per image on MNIST"
                + " (compare only when --data holds MNIST; this run: %s)%n", PUBLISHED_MNIST_2D_NEG_ELBO, images.name());
    }

    /** Runs {@code trainer} and prints one row per epoch with its wall time and {@code metrics}. */
    private void perEpoch(String name, ImageSet train, Trainer trainer, String secondsMetric, List<String> metrics) {
        System.err.printf("bench generative: %s, %d epochs on %d images...%n", name, imageEpochs, train.count());
        System.out.println();
        System.out.println("| trainer | data | images | epoch | s/epoch | " + String.join(" | ", metrics) + " |");
        System.out.println("|---|---|---|---|---|" + "---|".repeat(metrics.size()));
        long[] last = {System.nanoTime()};
        trainer.train(new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport r) {
                long now = System.nanoTime();
                double seconds = secondsMetric != null ? r.metrics().get(secondsMetric) : (now - last[0]) / 1e9;
                last[0] = now;
                StringBuilder row = new StringBuilder(String.format("| %s | %s | %d | %d | %.1f |", name, images.name(),
                        train.count(), r.episode() + 1, seconds));
                metrics.forEach(m -> row.append(String.format(" %.4f |", r.metrics().get(m))));
                System.out.println(row);
            }
        });
    }
}
