import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.TrainingRun;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * jgym's DQN trained on CartPole-v1 through a jgym (or the original gym-http-api) server, from Java
 * code, through the same engine as {@code ./jgym train dqn}: the trainer is looked up by name, its
 * settings are the {@code course} preset with this run's server, seed and step budget, and the
 * trained policy comes back from {@code execute}. Leaving out {@code "server"} trains in-process
 * with the same results.
 *
 * <p>Start a server ({@code ./jgym serve}), build once ({@code ./jgym --help}), then run this file
 * with the launcher's classpath:
 * <pre>
 * OMP_NUM_THREADS=1 java -XX:+UseParallelGC -Xmn32m -cp launcher/target/jgym.jar \
 *     clients/java/examples/RemoteCartPoleDqn.java [server] [max-steps] [seed]
 * </pre>
 * Prints a line every 20 episodes and the greedy policy's mean return at the end (a random policy
 * averages about 22).
 */
public final class RemoteCartPoleDqn {
    private static final int EVAL_EPISODES = 20;

    public static void main(String[] args) {
        String server = args.length > 0 ? args[0] : "http://127.0.0.1:5000";
        long maxSteps = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;

        TrainerProvider<?, ?> dqn = TrainerRegistry.discover().get("dqn");
        // The course preset (a 20-20 network, gamma 0.95) with this run's server, seed and step budget;
        // a benchmark-style run keeps no folder.
        RunSpec spec = RunSpec.benchmark(Optional.of("course"), Map.of("server", server, "seed", seed, "maxSteps", maxSteps),
                Path.of("runs"));
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                if (report.episode() % 20 == 0) {
                    System.out.printf("episode %d, steps %d, mean return of the last 100: %.1f%n", report.episode(),
                            report.totalSteps(), report.metrics().get("charts/return_moving_average"));
                }
            }
        };
        Trained<?> trained = TrainingRun.plan(dqn, spec).execute(List.of(progress), () -> false);

        Policy policy = (Policy) trained.model();
        try (Env env = RemoteEnv.create(server, "CartPole-v1", OptionalLong.empty())) {
            double[] returns = policy.returns(env, EVAL_EPISODES, 1_000_000);
            System.out.printf("greedy mean return: %.1f over %d episodes%n", Arrays.stream(returns).average().orElse(0),
                    EVAL_EPISODES);
        }
    }
}
