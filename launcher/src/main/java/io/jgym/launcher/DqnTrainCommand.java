package io.jgym.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jgym.agents.dqn.DqnConfig;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train dqn}: jgym's DQN on an in-process or remote environment. Writes
 * {@code runs/<name>/} (config.json, metrics.csv, checkpoints, learning-curve.png, report.html) and
 * resumes a run from its last checkpoint with {@code --resume}.
 */
@Command(name = "dqn", mixinStandardHelpOptions = true,
        description = "Train jgym's DQN (epsilon-greedy, experience replay, target network, Double DQN).")
final class DqnTrainCommand implements Callable<Integer> {
    static final String TRAINER = "dqn";

    @Mixin
    EnvSource source;
    @Mixin
    RunOptions run;
    @Mixin
    DqnOptions options;

    @Option(names = "--print-config", description = "Print the resolved settings as JSON and exit.")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        if (printConfig) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(options.resolve()));
            return 0;
        }
        Optional<Map<String, Object>> saved = run.resumed(TRAINER);
        saved.ifPresent(record -> {
            source.envId = (String) record.get("env");
            source.server = (String) record.get("server");
        });
        DqnConfig config = RunOptions.config(saved, DqnConfig.class, options::resolve);
        Path folder = run.folder(TRAINER, source.envId);
        try (Env env = source.open()) {
            // Built before the run folder exists, so a bad environment leaves no half-made run behind.
            DqnTrainer trainer = new DqnTrainer(config, env, folder.getFileName().toString(), Optional.of(folder.resolve(RunFolder.CHECKPOINTS)));
            RunFolder runFolder = run.open(folder, TRAINER, source.details(), config);
            run.train(TRAINER, runFolder, () -> trainer.train(TrainingListener.of(
                    new RunOutputListener(runFolder, List.of(DqnTrainer.RETURN, DqnTrainer.TD_LOSS, DqnTrainer.Q_VALUES,
                            DqnTrainer.EPSILON), config.solveWindow()),
                    progress(run.progressSeconds, config.solveWindow()))));
        }
        System.out.println("results in " + folder + " (report.html, metrics.csv, learning-curve.png, checkpoints/)");
        return 0;
    }

    /** The progress line both DQN trainers print. */
    static ProgressPrinter progress(double seconds, int window) {
        return new ProgressPrinter(System.out, List.of(
                new ProgressPrinter.Column("return", DqnTrainer.RETURN, "%.1f"),
                new ProgressPrinter.Column("mean" + window, DqnTrainer.MOVING_AVERAGE, "%.1f"),
                new ProgressPrinter.Column("epsilon", DqnTrainer.EPSILON, "%.3f"),
                new ProgressPrinter.Column("loss", DqnTrainer.TD_LOSS, "%.4f"),
                new ProgressPrinter.Column("steps/s", DqnTrainer.STEPS_PER_SECOND, "%,.0f")), seconds);
    }
}
