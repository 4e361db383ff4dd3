package io.jgym.launcher;

import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgym sample}: new samples from any trained generative model: a PNG grid of images, or a CSV
 * of waves or points with a plot of them.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a trained generative model (PNG grid for images, CSV and plot for waves and points).")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    RunModel model;

    @Option(names = "--n", description = "Samples to draw (default: ${DEFAULT-VALUE}).")
    int count = 64;

    @Option(names = "--seed", description = "Seed of the latent draws (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", description = "Folder for the files (default: <run>/sampled, or the current folder with --model).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + count);
        }
        List<Path> files = sample(model.find(Map.of()));
        files.forEach(file -> spec.commandLine().getOut().println("wrote " + file));
        return 0;
    }

    private <C> List<Path> sample(RunModel.Found<C> found) {
        if (!(found.provider() instanceof GenerativeProvider<?> any)) {
            throw new IllegalArgumentException("sample draws from a generative model, but " + found.where() + " holds a "
                    + found.provider().name() + " run (agent); evaluate it with ./jgym eval --run " + found.where());
        }
        @SuppressWarnings("unchecked")
        GenerativeProvider<C> generative = (GenerativeProvider<C>) any;
        Sampler sampler = generative.load(found.config(), found.checkpoint());
        Path folder = out != null ? out : model.choice.run != null ? model.choice.run.resolve("sampled") : Path.of(".");
        return sampler.writeSamples(count, seed, folder);
    }
}
