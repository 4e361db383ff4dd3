import io.jgym.agents.dqn.DqnConfig;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.agents.dqn.GreedyEvaluator;
import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * jgym's DQN trained on CartPole-v1 through a jgym (or the original gym-http-api) server: the
 * trainer sees only the {@code Env} interface, so swapping {@code RemoteEnv.create(...)} for
 * {@code EnvRegistry.discover().make("CartPole-v1")} trains in-process with the same results.
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

        // The course preset (a 20-20 network, gamma 0.95) with this run's seed and step budget.
        DqnConfig config = DqnConfig.course().forRun(seed, maxSteps, 0);

        try (Env env = RemoteEnv.create(server, "CartPole-v1", OptionalLong.empty())) {
            DqnTrainer trainer = new DqnTrainer(config, env, "remote-cartpole", Optional.empty());
            trainer.train(new TrainingListener() {
                @Override
                public void onEpisode(EpisodeReport report) {
                    if (report.episode() % 20 == 0) {
                        System.out.printf("episode %d, steps %d, mean return of the last 100: %.1f%n", report.episode(),
                                report.totalSteps(), report.metrics().get(DqnTrainer.MOVING_AVERAGE));
                    }
                }
            });
            double[] returns = GreedyEvaluator.of(trainer.network(), env).returns(EVAL_EPISODES, 1_000_000);
            System.out.printf("greedy mean return: %.1f over %d episodes%n", Arrays.stream(returns).average().orElse(0),
                    EVAL_EPISODES);
        }
    }
}
