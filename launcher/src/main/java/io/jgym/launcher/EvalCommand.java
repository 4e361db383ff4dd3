package io.jgym.launcher;

import io.jgym.agents.dqn.GreedyEvaluator;
import io.jgym.contracts.Env;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jgym eval}: greedy episodes of a trained DQN; prints mean, spread and extremes of the returns. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained DQN greedily (no exploration) over a number of episodes.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    ModelSource model;
    @Mixin
    EnvSource source;
    @Spec
    CommandSpec spec;

    @Option(names = "--episodes", description = "Episodes to play (default: ${DEFAULT-VALUE}).")
    int episodes = 100;

    @Option(names = "--seed", description = "Episode i is reset with seed + i (default: ${DEFAULT-VALUE}).")
    long seed = 1_000_000;

    @Override
    public Integer call() {
        if (episodes <= 0) {
            throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
        }
        model.applyRunEnv(source, spec.commandLine().getParseResult().hasMatchedOption("--env"));
        try (Env env = source.open()) {
            double[] returns = GreedyEvaluator.of(model.load(), env).returns(episodes, seed);
            DoubleSummaryStatistics stats = Arrays.stream(returns).summaryStatistics();
            double mean = stats.getAverage();
            double std = Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum() / returns.length);
            System.out.printf("%s: %d greedy episodes, mean return %.2f +- %.2f (min %.1f, max %.1f)%n",
                    source.describe(), episodes, mean, std, stats.getMin(), stats.getMax());
        }
        return 0;
    }
}
