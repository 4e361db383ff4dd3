package io.jgym.launcher;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.CheckpointFolder;
import io.jgym.runs.RunFolder;
import io.jgym.runs.TrainerConfigs;
import io.jgym.runs.TrainerRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which trained model {@code eval}, {@code play} and {@code sample} use: a run folder's best
 * checkpoint (when its trainer keeps one) or newest one, or any checkpoint folder on its own. The
 * checkpoint's provenance names the trainer and its config, so the model loads without the run.
 */
final class RunModel {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--run", description = "A run folder, e.g. runs/dqn-CartPole-v1-...")
        Path run;
        @Option(names = "--model", description = "A checkpoint folder (or a file in one), e.g. runs/<name>/checkpoints/best.")
        Path model;
    }

    @Option(names = "--checkpoint", description = "With --run: best or latest (default: best when the run keeps one, else latest).")
    String which;

    /** A model's trainer, config and checkpoint. */
    record Found<C>(TrainerProvider<C, ?> provider, C config, Checkpoint checkpoint, String where) {
    }

    /** The chosen checkpoint, its trainer and its config, with {@code settings} (an --env, say) laid over the config. */
    Found<?> find(Map<String, Object> settings) {
        Checkpoint checkpoint = choice.model != null ? model(choice.model) : fromRun(choice.run);
        Map<String, Object> provenance = CheckpointFolder.provenanceOf(checkpoint);
        TrainerProvider<?, ?> provider = TrainerRegistry.discover().get(String.valueOf(provenance.get("trainer")));
        return found(provider, provenance, checkpoint, settings);
    }

    private <C> Found<C> found(TrainerProvider<C, ?> provider, Map<String, Object> provenance, Checkpoint checkpoint,
                               Map<String, Object> settings) {
        C config = TrainerConfigs.restore(provider, String.valueOf(provenance.get("preset")), provenance.get("config"), settings);
        String where = choice.run != null ? choice.run.toString() : checkpoint.folder().toString();
        return new Found<>(provider, config, checkpoint, where);
    }

    private Checkpoint fromRun(Path run) {
        Path checkpoints = RunFolder.open(run).checkpoints();
        if (which != null && !which.equals("best") && !which.equals("latest")) {
            throw new IllegalArgumentException("--checkpoint must be best or latest, got '" + which + "'");
        }
        Optional<Checkpoint> best = CheckpointFolder.find(checkpoints, true);
        if ("best".equals(which) && best.isEmpty()) {
            throw new IllegalArgumentException("run " + run + " keeps no best checkpoint; use --checkpoint latest");
        }
        Optional<Checkpoint> chosen = "latest".equals(which) || best.isEmpty() ? CheckpointFolder.find(checkpoints, false) : best;
        return chosen.orElseThrow(() -> new IllegalArgumentException("run " + run + " has no checkpoint yet; train it first"));
    }

    private static Checkpoint model(Path path) {
        Path folder = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
        return CheckpointFolder.at(folder).orElseThrow(() -> new IllegalArgumentException("no model at " + path
                + " (a checkpoint folder holds " + CheckpointFolder.METADATA + ")"));
    }
}
