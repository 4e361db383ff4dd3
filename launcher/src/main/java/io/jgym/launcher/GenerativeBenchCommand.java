package io.jgym.launcher;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.sine.SineGanConfig;
import io.jgym.generative.sine.SineGanTrainer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench generative}: trains {@code sine-gan} with its defaults for seeds 1..N and prints
 * wall time, time per epoch and the final quality scores per seed, with how many seeds covered both
 * modes (each 25-75% of the valid waves, valid share at least 0.9).
 */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "Wall time and final mode coverage of sine-gan (default settings) over several seeds.")
final class GenerativeBenchCommand implements Callable<Integer> {
    private static final double MIN_VALID = 0.9;
    private static final double MIN_MODE_SHARE = 0.25;

    @Option(names = "--seeds", description = "Seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--epochs", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = SineGanConfig.defaults().epochs();

    @Override
    public Integer call() {
        System.out.println("| trainer | seed | epochs | wall s | ms/epoch | valid share | mode 0 share | mode 1 share | MMD | both modes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        int covered = 0;
        for (long seed = 1; seed <= seeds; seed++) {
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
            System.out.printf("| sine-gan | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.3f | %s |%n", seed, epochs, seconds,
                    1000 * seconds / epochs, valid, mode0, mode1, last[0].metrics().get(SineGanTrainer.MMD), both ? "yes" : "no");
        }
        System.out.printf("both modes covered on %d of %d seeds%n", covered, seeds);
        return 0;
    }
}
