package io.jgym.launcher;

import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.agents.rl4j.Rl4jDqnConfig;
import io.jgym.agents.rl4j.Rl4jDqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train rl4j-dqn}: RL4J's QLearningDiscreteDense on the same environments, with RL4J's
 * CartPole example settings, writing the same run folder as {@code train dqn} (without checkpoints:
 * RL4J owns its loop).
 */
@Command(name = "rl4j-dqn", mixinStandardHelpOptions = true,
        description = "Train RL4J's DQN (rl4j-core QLearningDiscreteDense, RL4J's CartPole example settings).")
final class Rl4jTrainCommand implements Callable<Integer> {
    private static final Rl4jDqnConfig DEFAULTS = Rl4jDqnConfig.defaults();

    @Mixin
    EnvSource source;
    @Mixin
    RunOptions run;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();
    @Option(names = "--max-steps", description = "Stop after this many environment steps (default: ${DEFAULT-VALUE}).")
    int maxSteps = DEFAULTS.maxSteps();
    @Option(names = "--solve-return", description = "Stop once the mean return of the last 100 episodes reaches this (0: never; default: ${DEFAULT-VALUE}).")
    double solveReturn = DEFAULTS.solveReturn();

    @Override
    public Integer call() {
        if (run.resume) {
            throw new IllegalArgumentException("rl4j-dqn cannot resume: RL4J keeps its own training loop and state");
        }
        Rl4jDqnConfig config = DEFAULTS.with(seed, maxSteps, solveReturn);
        Path folder = run.folder("rl4j-dqn", source.envId);
        try (Env env = source.open()) {
            Rl4jDqnTrainer trainer = new Rl4jDqnTrainer(config, env, folder.getFileName().toString());
            RunFolder runFolder = RunOptions.create(folder, "rl4j-dqn", source.details(), config);
            trainer.train(TrainingListener.of(
                    new RunOutputListener(runFolder, List.of(DqnTrainer.RETURN, DqnTrainer.EPSILON), config.solveWindow()),
                    DqnTrainCommand.progress(run.progressSeconds, config.solveWindow())));
        }
        System.out.println("results in " + folder + " (report.html, metrics.csv, learning-curve.png)");
        return 0;
    }
}
