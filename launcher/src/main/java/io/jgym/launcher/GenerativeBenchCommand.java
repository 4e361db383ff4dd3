package io.jgym.launcher;

import io.jgym.runs.TrainerRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgym bench generative}: the generative benchmark as {@code bench <trainer>} runs it:
 * {@code sine-gan} with its defaults over several seeds (its target: both modes covered), then
 * {@code dense-gan} and {@code vae} for a few epochs on MNIST-format files (Fashion-MNIST by
 * default) when they are present, with the published held-out -ELBO of a 2-D VAE on MNIST beside.
 */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "sine-gan over several seeds, then dense-gan and vae for a few epochs on MNIST-format images.")
final class GenerativeBenchCommand implements Callable<Integer> {
    private static final String PUBLISHED_MNIST_2D_NEG_ELBO = "140-155";

    @Option(names = "--seeds", description = "sine-gan runs with seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--epochs", description = "sine-gan epochs per run (default: its preset's).")
    Integer epochs;

    @Option(names = "--data", description = "Folder with MNIST-format IDX files for dense-gan and vae (default: their preset's, Debian's Fashion-MNIST).")
    String data;

    @Option(names = "--image-epochs", description = "Epochs of dense-gan and of vae; 0 skips them (default: ${DEFAULT-VALUE}).")
    int imageEpochs = 3;

    @Option(names = "--runs-dir", description = "Folder whose .cache/ keeps the image classifier (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of("runs");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrainerRegistry registry = TrainerRegistry.discover();
        Map<String, Object> sine = new LinkedHashMap<>();
        if (epochs != null) {
            sine.put("epochs", epochs);
        }
        TrainerBench.run(registry.get("sine-gan"), Optional.empty(), sine, seeds, 1, 0, runsDir, out);
        if (imageEpochs <= 0) {
            return 0;
        }
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("epochs", imageEpochs);
        if (data != null) {
            images.put("data", data);
        }
        for (String trainer : new String[] {"dense-gan", "vae"}) {
            out.println();
            try {
                TrainerBench.run(registry.get(trainer), Optional.empty(), images, 1, 1, 0, runsDir, out);
            } catch (IllegalArgumentException e) {
                out.println(trainer + " skipped: " + e.getMessage());
            }
        }
        out.printf("%npublished: a VAE with a 2-D latent reaches a held-out -ELBO of about %s nats per image on MNIST"
                + " (compare only when --data holds MNIST)%n", PUBLISHED_MNIST_2D_NEG_ELBO);
        return 0;
    }
}
