package io.jgym.launcher;

import io.jgym.agents.dqn.DqnConfig;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.agents.dqn.GreedyEvaluator;
import io.jgym.agents.rl4j.Rl4jDqnConfig;
import io.jgym.agents.rl4j.Rl4jDqnTrainer;
import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench dqn}: for each variant and seed, trains until the mean return of the last 100
 * episodes reaches the solve threshold (or the step budget runs out), checking on the way when the
 * greedy policy first reaches it, then plays greedy episodes.
 * Prints one row per run and a median row per variant, as a Markdown table. Variants: jgym's DQN
 * in-process ({@code dqn}) and over HTTP against a local server ({@code dqn-http}), the course
 * preset ({@code course}) and RL4J ({@code rl4j}).
 */
@Command(name = "dqn", mixinStandardHelpOptions = true,
        description = "Steps and seconds until CartPole-v1 is solved (mean of last 100 returns >= 475) and until greedy episodes average 475, per seed and median.")
final class DqnBenchCommand implements Callable<Integer> {
    private static final int WINDOW = DqnConfig.defaults().solveWindow();

    @Option(names = "--seeds", description = "Seeds 1..N per variant (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--variants", split = ",", description = "Any of dqn, dqn-http, course, rl4j (default: ${DEFAULT-VALUE}).")
    List<String> variants = List.of("dqn", "dqn-http", "course", "rl4j");

    @Option(names = "--env", description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId = "CartPole-v1";

    @Option(names = "--solve-return", description = "Mean return of the last 100 episodes that counts as solved (default: ${DEFAULT-VALUE}).")
    double solveReturn = 475;

    @Option(names = "--max-steps", description = "Step budget per run (default: ${DEFAULT-VALUE}).")
    int maxSteps = (int) DqnConfig.defaults().maxSteps();

    @Option(names = "--eval-episodes", description = "Greedy episodes after training and in each greedy check (default: ${DEFAULT-VALUE}).")
    int evalEpisodes = 100;

    @Option(names = "--greedy-every", description = "Env steps between greedy checks during training (jgym's DQN only; 0: none; default: ${DEFAULT-VALUE}).")
    long greedyEvery = 2_500;

    @Option(names = "--max-return", description = "Best possible episode return; a greedy check stops early once the threshold is out of reach (default: ${DEFAULT-VALUE}).")
    double maxReturn = 500;

    /** One training run's outcome; greedySteps is -1 when the greedy policy never reached the threshold. */
    private record Result(String variant, long seed, boolean solved, long steps, double seconds, double evalMean,
                          long greedySteps, double greedySeconds) {
    }

    /** Notes the step count and time of the first report at which the moving average reached the threshold. */
    private final class SolveWatch implements TrainingListener {
        private final TrainingClock clock;
        long steps = -1;
        double seconds;
        long lastSteps;

        SolveWatch(TrainingClock clock) {
            this.clock = clock;
        }

        @Override
        public void onEpisode(EpisodeReport report) {
            lastSteps = report.totalSteps();
            if (steps < 0 && report.episode() + 1 >= WINDOW && report.metrics().get(DqnTrainer.MOVING_AVERAGE) >= solveReturn) {
                steps = report.totalSteps();
                seconds = clock.seconds();
            }
        }
    }

    /** Seconds since a run started, less the time spent in greedy checks. */
    private static final class TrainingClock {
        private final long started = System.nanoTime();
        private long excluded;

        void exclude(long nanos) {
            excluded += nanos;
        }

        double seconds() {
            return (System.nanoTime() - started - excluded) / 1e9;
        }
    }

    /**
     * Every {@code --greedy-every} steps (at the next episode end) plays up to {@code --eval-episodes}
     * greedy episodes on its own environment and notes the first step count and training time at
     * which their mean return reached the threshold. The checks' own time is not counted.
     */
    private final class GreedyWatch implements TrainingListener {
        private final DqnTrainer trainer;
        private final Env env;
        private final TrainingClock clock;
        private long nextCheck = greedyEvery;
        long steps = -1;
        double seconds;

        GreedyWatch(DqnTrainer trainer, Env env, TrainingClock clock) {
            this.trainer = trainer;
            this.env = env;
            this.clock = clock;
        }

        @Override
        public void onEpisode(EpisodeReport report) {
            if (greedyEvery <= 0 || steps >= 0 || report.totalSteps() < nextCheck) {
                return;
            }
            while (nextCheck <= report.totalSteps()) {
                nextCheck += greedyEvery;
            }
            double trainingSeconds = clock.seconds();
            long checkStarted = System.nanoTime();
            if (GreedyEvaluator.of(trainer.network(), env).meanReaches(evalEpisodes, 1_000_000, solveReturn, maxReturn)) {
                steps = report.totalSteps();
                seconds = trainingSeconds;
            }
            clock.exclude(System.nanoTime() - checkStarted);
        }
    }

    @Override
    public Integer call() throws Exception {
        EnvRegistry registry = EnvRegistry.discover();
        List<Result> results = new ArrayList<>();
        System.out.println("| variant | seed | solved | env steps to solve | wall s to solve | env steps to greedy " + (int) solveReturn
                + " | wall s to greedy " + (int) solveReturn + " | greedy mean over " + evalEpisodes + " after training |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Path dataRoot = Files.createTempDirectory("jgym-bench");
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 16, Duration.ofHours(1), 65_536, dataRoot, false),
                registry).start();
        try {
            for (String variant : variants) {
                List<Result> rows = new ArrayList<>();
                for (long seed = 1; seed <= seeds; seed++) {
                    // Runs take minutes each; say what is running on stderr so the table on stdout stays clean.
                    System.err.printf("bench dqn: %s, seed %d (up to %,d steps)...%n", variant, seed, maxSteps);
                    Result result = run(variant, seed, registry, "http://127.0.0.1:" + server.port());
                    rows.add(result);
                    System.out.printf("| %s | %d | %s | %s | %.1f | %s | %s | %.1f |%n", variant, seed, result.solved() ? "yes" : "no",
                            result.solved() ? String.format("%,d", result.steps()) : "> " + String.format("%,d", result.steps()),
                            result.seconds(), result.greedySteps() < 0 ? "-" : String.format("%,d", result.greedySteps()),
                            result.greedySteps() < 0 ? "-" : String.format("%.1f", result.greedySeconds()), result.evalMean());
                }
                results.addAll(rows);
                long greedyReached = rows.stream().filter(r -> r.greedySteps() >= 0).count();
                System.out.printf("| **%s median** | | %d/%d | %,.0f | %.1f | %s | %s | %.1f |%n", variant,
                        rows.stream().filter(Result::solved).count(), rows.size(),
                        median(rows.stream().mapToDouble(Result::steps).toArray()),
                        median(rows.stream().mapToDouble(Result::seconds).toArray()),
                        greedyReached == 0 ? "-" : String.format("%,.0f (%d/%d)", median(rows.stream()
                                .mapToDouble(r -> r.greedySteps() < 0 ? Double.POSITIVE_INFINITY : r.greedySteps()).toArray()),
                                greedyReached, rows.size()),
                        greedyReached == 0 ? "-" : String.format("%.1f", median(rows.stream()
                                .mapToDouble(r -> r.greedySteps() < 0 ? Double.POSITIVE_INFINITY : r.greedySeconds()).toArray())),
                        median(rows.stream().mapToDouble(Result::evalMean).toArray()));
            }
        } finally {
            server.stop();
        }
        return 0;
    }

    private Result run(String variant, long seed, EnvRegistry registry, String serverUrl) {
        TrainingClock clock = new TrainingClock();
        SolveWatch watch = new SolveWatch(clock);
        try (Env env = variant.equals("dqn-http") ? RemoteEnv.create(serverUrl, envId, OptionalLong.empty()) : registry.make(envId);
             Env evalEnv = registry.make(envId)) {
            GreedyEvaluator evaluator;
            GreedyWatch greedyWatch = null;
            switch (variant) {
                case "dqn", "dqn-http", "course" -> {
                    DqnTrainer trainer = new DqnTrainer(DqnConfig.preset(variant.equals("course") ? "course" : "default").forRun(seed, maxSteps, solveReturn),
                            env, variant + "-" + seed, Optional.empty());
                    greedyWatch = new GreedyWatch(trainer, evalEnv, clock);
                    trainer.train(TrainingListener.of(watch, greedyWatch));
                    evaluator = GreedyEvaluator.of(trainer.network(), evalEnv);
                }
                case "rl4j" -> {
                    Rl4jDqnTrainer trainer = new Rl4jDqnTrainer(Rl4jDqnConfig.defaults().with(seed, maxSteps, solveReturn),
                            env, "rl4j-" + seed);
                    trainer.train(watch);
                    evaluator = new GreedyEvaluator(evalEnv, trainer.greedyPolicy());
                }
                default -> throw new IllegalArgumentException("unknown variant '" + variant + "'; choose dqn, dqn-http, course or rl4j");
            }
            double evalMean = Arrays.stream(evaluator.returns(evalEpisodes, 1_000_000)).average().orElse(0);
            boolean solved = watch.steps >= 0;
            long greedySteps = greedyWatch == null ? -1 : greedyWatch.steps;
            return new Result(variant, seed, solved, solved ? watch.steps : watch.lastSteps,
                    solved ? watch.seconds : clock.seconds(), evalMean,
                    greedySteps, greedySteps < 0 ? Double.NaN : greedyWatch.seconds);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
