import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Tabular Q-learning on FrozenLake-v1 through a jgym (or gym-http-api) server with jgym's Java
 * client. The agent only sees the {@code Env} interface, so the same code runs in-process with
 * {@code EnvRegistry.discover().make("FrozenLake-v1")}.
 *
 * <p>Start a server ({@code ./jgym serve}), build once ({@code ./jgym --help}), then run this file
 * directly with the launcher's classpath:
 * <pre>
 * java -cp launcher/target/jgym.jar clients/java/examples/FrozenLakeQLearning.java [server] [episodes] [seed]
 * </pre>
 * Prints the greedy policy's success rate (a random policy succeeds about 1.5% of the time).
 */
public final class FrozenLakeQLearning {
    private static final double ALPHA = 0.1;
    private static final double GAMMA = 0.99;
    private static final double EPSILON_DECAY = 0.999;
    private static final double EPSILON_MIN = 0.05;
    private static final int EVAL_EPISODES = 100;

    public static void main(String[] args) {
        String server = args.length > 0 ? args[0] : "http://127.0.0.1:5000";
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Random random = new Random(seed);
        try (Env env = RemoteEnv.create(server, "FrozenLake-v1", OptionalLong.of(seed))) {
            int states = (int) ((Discrete) env.observationSpace()).n();
            int actions = (int) ((Discrete) env.actionSpace()).n();
            double[][] q = new double[states][actions];
            double epsilon = 1.0;
            for (int episode = 1; episode <= episodes; episode++) {
                int state = state(env.reset().observation());
                boolean done = false;
                while (!done) {
                    int action = random.nextDouble() < epsilon ? random.nextInt(actions) : greedy(q[state]);
                    Step step = env.step(Value.of(action));
                    int next = state(step.observation());
                    double target = step.reward() + (step.terminated() ? 0 : GAMMA * q[next][greedy(q[next])]);
                    q[state][action] += ALPHA * (target - q[state][action]);
                    state = next;
                    done = step.done();
                }
                epsilon = Math.max(EPSILON_MIN, epsilon * EPSILON_DECAY);
                if (episode % 500 == 0) {
                    System.out.printf("episode %d epsilon %.3f%n", episode, epsilon);
                }
            }
            int wins = 0;
            for (int i = 0; i < EVAL_EPISODES; i++) {
                int state = state(env.reset().observation());
                Step step;
                do {
                    step = env.step(Value.of(greedy(q[state])));
                    state = state(step.observation());
                } while (!step.done());
                wins += step.reward() > 0 ? 1 : 0;
            }
            System.out.printf("greedy success rate: %.3f over %d episodes%n", wins / (double) EVAL_EPISODES, EVAL_EPISODES);
        }
    }

    private static int state(Value observation) {
        return (int) ((Value.Int) observation).value();
    }

    private static int greedy(double[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }
}
