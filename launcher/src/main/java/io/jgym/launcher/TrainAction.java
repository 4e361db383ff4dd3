package io.jgym.launcher;

import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainerConfigs;
import io.jgym.runs.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./jgym train <trainer>}, the same for every trainer: resolve the settings, print them or
 * train with progress lines into the run folder, and say where the results are, how a stopped run
 * continues, or why training failed.
 */
final class TrainAction implements Callable<Integer> {
    private final TrainerProvider<?, ?> provider;
    private final RunFlags run;
    private final Supplier<BooleanSupplier> stops;
    private TrainerCommandLine command;

    private TrainAction(TrainerProvider<?, ?> provider, RunFlags run, Supplier<BooleanSupplier> stops) {
        this.provider = provider;
        this.run = run;
        this.stops = stops;
    }

    /** The {@code train <name>} command of {@code provider}. */
    static CommandSpec command(TrainerProvider<?, ?> provider, Supplier<BooleanSupplier> stops) {
        RunFlags run = new RunFlags();
        TrainAction action = new TrainAction(provider, run, stops);
        action.command = TrainerCommandLine.of(provider, action, run, provider.description(),
                "Presets: " + String.join(", ", provider.presets().keySet()) + ". Results go to <runs-dir>/<name>/.");
        return action.command.spec();
    }

    @Override
    public Integer call() {
        Map<String, Object> given = command.given();
        if (run.resume && run.preset != null) {
            throw new IllegalArgumentException("--resume continues with the run's saved settings; leave out --preset");
        }
        RunSpec spec = new RunSpec(Optional.ofNullable(run.preset), given, Optional.ofNullable(run.name), run.runsDir, run.resume,
                run.keepCheckpoints, true);
        TrainingRun<?, ?> plan = TrainingRun.plan(provider, spec);
        PrintWriter out = command.out();
        if (run.printConfig) {
            out.println(TrainerConfigs.toJson(plan.config()));
            return 0;
        }
        Trained<?> trained;
        try {
            trained = plan.execute(List.of(new ProgressPrinter(out, run.progressSeconds)), stops.get());
        } catch (RuntimeException e) {
            if (!Files.isRegularFile(plan.folder().resolve(RunFolder.CONFIG_FILE))) {
                throw e; // refused before the run folder was made (a bad environment, missing data): nothing to continue
            }
            throw new IllegalStateException("training stopped: " + e.getMessage() + continueHint(plan), e);
        }
        if (trained.outcome() == Trained.Outcome.CANCELLED) {
            out.println("stopped after " + trained.episodes() + " episodes" + continueHint(plan));
            return StopSignals.EXIT_STOPPED;
        }
        out.println("results in " + plan.folder() + " (" + String.join(", ", contents(plan.folder())) + ")");
        return 0;
    }

    private String continueHint(TrainingRun<?, ?> plan) {
        if (!provider.resumable()) {
            return "";
        }
        return "\n  the last checkpoint is kept in " + plan.folder().resolve("checkpoints") + "; continue with: ./jgym train "
                + provider.name() + " --resume --runs-dir " + run.runsDir + " --name " + plan.name();
    }

    private static List<String> contents(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName() + (Files.isDirectory(f) ? "/" : "")).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }
}
