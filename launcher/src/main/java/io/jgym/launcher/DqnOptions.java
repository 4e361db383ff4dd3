package io.jgym.launcher;

import io.jgym.agents.dqn.DqnConfig;
import io.jgym.agents.dqn.EpsilonSchedule;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code train dqn} flags: one per {@link DqnConfig} component. A flag left out takes its value
 * from {@code --preset}; {@code --print-config} shows the result.
 */
final class DqnOptions {
    @Option(names = "--preset", description = "Starting settings: default (tuned for CartPole-v1) or course (the seed course's DQN). Default: ${DEFAULT-VALUE}.")
    String preset = "default";

    @Option(names = "--seed", description = "Seeds networks, exploration, replay sampling and every episode's reset.")
    Long seed;
    @Option(names = "--max-steps", description = "Stop after this many environment steps.")
    Long maxSteps;
    @Option(names = "--max-episodes", description = "Stop after this many episodes (0: no limit).")
    Long maxEpisodes;
    @Option(names = "--hidden", split = ",", description = "Hidden layer widths, e.g. 64,64.")
    List<Integer> hiddenLayers;
    @Option(names = "--optimizer", description = "ADAM, RMSPROP or SGD.")
    DqnConfig.Optimizer optimizer;
    @Option(names = "--learning-rate", description = "Optimiser step size.")
    Double learningRate;
    @Option(names = "--gamma", description = "Discount factor.")
    Double gamma;
    @Option(names = "--buffer-size", description = "Replay memory capacity (transitions).")
    Integer bufferSize;
    @Option(names = "--batch-size", description = "Transitions per gradient step.")
    Integer batchSize;
    @Option(names = "--learning-starts", description = "Environment steps before the first gradient step.")
    Long learningStarts;
    @Option(names = "--train-frequency", description = "Environment steps between training phases.")
    Integer trainFrequency;
    @Option(names = "--gradient-steps", description = "Gradient steps per training phase.")
    Integer gradientSteps;
    @Option(names = "--target-update-interval", description = "Gradient steps between target-network updates.")
    Integer targetUpdateInterval;
    @Option(names = "--tau", description = "Target update weight: 1 = hard copy, smaller = soft (Polyak) update.")
    Double tau;
    @Option(names = "--double-dqn", arity = "1", description = "true or false: Double DQN targets.")
    Boolean doubleDqn;
    @Option(names = "--loss", description = "HUBER or MSE on the TD error.")
    DqnConfig.Loss loss;
    @Option(names = "--max-grad-norm", description = "Clip each layer's gradient to this L2 norm (0: off).")
    Double maxGradNorm;
    @Option(names = "--epsilon-schedule", description = "EXPONENTIAL (per-step factor) or LINEAR (fraction of --max-steps).")
    EpsilonSchedule.Kind epsilonSchedule;
    @Option(names = "--epsilon-start", description = "Exploration rate at the first step.")
    Double epsilonStart;
    @Option(names = "--epsilon-end", description = "Exploration rate it decays to.")
    Double epsilonEnd;
    @Option(names = "--epsilon-decay", description = "EXPONENTIAL: factor per step; LINEAR: fraction of --max-steps spent decaying.")
    Double epsilonDecay;
    @Option(names = "--solve-return", description = "Stop once the mean return of the last --solve-window episodes reaches this (0: never).")
    Double solveReturn;
    @Option(names = "--solve-window", description = "Episodes in the moving average (also shown in progress lines).")
    Integer solveWindow;
    @Option(names = "--checkpoint-every", description = "Episodes between checkpoints (0: only at the end).")
    Integer checkpointEvery;

    /** The preset with every given flag applied. */
    DqnConfig resolve() {
        DqnConfig base = DqnConfig.preset(preset);
        return new DqnConfig(
                or(seed, base.seed()), or(maxSteps, base.maxSteps()), or(maxEpisodes, base.maxEpisodes()),
                or(hiddenLayers, base.hiddenLayers()), or(optimizer, base.optimizer()),
                or(learningRate, base.learningRate()), or(gamma, base.gamma()), or(bufferSize, base.bufferSize()),
                or(batchSize, base.batchSize()), or(learningStarts, base.learningStarts()),
                or(trainFrequency, base.trainFrequency()), or(gradientSteps, base.gradientSteps()),
                or(targetUpdateInterval, base.targetUpdateInterval()), or(tau, base.tau()),
                or(doubleDqn, base.doubleDqn()), or(loss, base.loss()), or(maxGradNorm, base.maxGradNorm()),
                or(epsilonSchedule, base.epsilonSchedule()), or(epsilonStart, base.epsilonStart()),
                or(epsilonEnd, base.epsilonEnd()), or(epsilonDecay, base.epsilonDecay()),
                or(solveReturn, base.solveReturn()), or(solveWindow, base.solveWindow()),
                or(checkpointEvery, base.checkpointEvery()));
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }
}
