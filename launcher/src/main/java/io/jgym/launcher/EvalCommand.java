package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.Policy;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jgym eval}: greedy episodes of any trained agent; prints mean, spread and extremes of the returns. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained agent greedily (no exploration) over a number of episodes.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    AgentModel agent;

    @Option(names = "--episodes", description = "Episodes to play (default: ${DEFAULT-VALUE}).")
    int episodes = 100;

    @Option(names = "--seed", description = "Episode i is reset with seed + i (default: ${DEFAULT-VALUE}).")
    long seed = Policy.EVALUATION_SEED;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (episodes <= 0) {
            throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
        }
        AgentModel.Loaded loaded = agent.load("eval");
        try (Env env = loaded.env()) {
            double[] returns = loaded.policy().returns(env, episodes, seed);
            DoubleSummaryStatistics stats = Arrays.stream(returns).summaryStatistics();
            double mean = stats.getAverage();
            double std = Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum() / returns.length);
            spec.commandLine().getOut().printf("%s: %d greedy episodes, mean return %.2f +- %.2f (min %.1f, max %.1f)%n",
                    loaded.where(), episodes, mean, std, stats.getMin(), stats.getMax());
        }
        return 0;
    }
}
