package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Value;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench envs}: in-process steps per second for each registered environment (time limit
 * included, resets counted as part of the run), with actions drawn beforehand from a seeded
 * sampler so that only the environment is measured. With {@code --vector N}, the vector
 * environments of N sub-environments instead ({@link VectorEnvBench}).
 */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "Measure in-process steps/s of every registered environment (or of --env).")
final class EnvBenchCommand implements Callable<Integer> {
    private static final int ACTIONS = 4096;

    @Option(names = "--env", description = "Only this environment id.")
    String envId;

    @Option(names = "--seconds", description = "Measured seconds per environment (default: ${DEFAULT-VALUE}).")
    double seconds = 2.0;

    @Option(names = "--warmup-seconds", description = "Unmeasured seconds before (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = 1.0;

    @Option(names = "--seed", description = "Seed for resets and actions (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--vector", paramLabel = "N", split = ",",
            description = "Measure vector environments of N sub-environments instead (env-steps/s; several: --vector 1,256,1024).")
    List<Integer> vector;

    @Override
    public Integer call() {
        EnvRegistry registry = EnvRegistry.discover();
        List<EnvSpec> specs = envId == null ? List.copyOf(registry.specs()) : List.of(registry.spec(envId));
        if (vector != null) {
            System.out.println(VectorEnvBench.header());
            for (EnvSpec spec : specs) {
                for (int numEnvs : vector) {
                    System.out.println(VectorEnvBench.row(spec, numEnvs, seed, warmupSeconds, seconds));
                }
            }
            return 0;
        }
        System.out.printf("| env | steps/s | ns/step | episodes |%n|---|---|---|---|%n");
        for (EnvSpec spec : specs) {
            try (Env env = spec.make()) {
                Value[] actions = new Value[ACTIONS];
                NumpyGenerator sampler = NumpyGenerator.seeded(seed);
                for (int i = 0; i < ACTIONS; i++) {
                    actions[i] = env.actionSpace().sample(sampler);
                }
                env.reset(seed);
                run(env, actions, warmupSeconds);
                long[] counts = run(env, actions, seconds);
                double elapsed = counts[2] / 1e9;
                System.out.printf("| %s | %,.0f | %.1f | %d |%n", spec.id(), counts[0] / elapsed, counts[2] / (double) counts[0], counts[1]);
            }
        }
        return 0;
    }

    /** Steps for about {@code duration} seconds; returns {steps, episodes, nanoseconds}. */
    private static long[] run(Env env, Value[] actions, double duration) {
        long budget = (long) (duration * 1e9);
        long start = System.nanoTime();
        long steps = 0;
        long episodes = 0;
        long elapsed;
        do {
            for (int i = 0; i < 1024; i++) {
                if (env.step(actions[(int) (steps++ & (ACTIONS - 1))]).done()) {
                    env.reset();
                    episodes++;
                }
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {steps, episodes, elapsed};
    }
}
