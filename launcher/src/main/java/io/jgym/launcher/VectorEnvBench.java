package io.jgym.launcher;

import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.envs.vector.VectorEnvs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times a vector environment: {@code jgym bench envs --vector N} measures the one
 * {@link VectorEnvs} builds in-process for an id (the structure-of-arrays CartPole for CartPole),
 * and {@code jgym bench vecenvs} the remote ones, through {@link #measure}. Steps run on the calling
 * thread in next-step autoreset mode, with actions drawn beforehand from a seeded sampler so that
 * only the environment (and its transport) is measured.
 */
final class VectorEnvBench {
    private static final int ACTION_BATCHES = 64;

    private VectorEnvBench() {
    }

    /** One table row: id, sub-environments, implementation, env-steps/s, ns per env-step. */
    static String row(EnvSpec spec, int numEnvs, long seed, double warmupSeconds, double seconds) {
        try (VectorEnv env = VectorEnvs.make(spec, numEnvs, AutoresetMode.NEXT_STEP, Map.of())) {
            double stepsPerSecond = measure(env, seed, warmupSeconds, seconds)[0];
            return String.format("| %s | %d | %s | %,.0f | %.2f |", spec.id(), numEnvs, env.getClass().getSimpleName(),
                    stepsPerSecond, 1e9 / stepsPerSecond);
        }
    }

    /** Resets with {@code seed}, steps unmeasured for the warm-up, then measures; returns {env-steps/s, calls/s}. */
    static double[] measure(VectorEnv env, long seed, double warmupSeconds, double seconds) {
        Batch[] actions = actions(env, seed);
        env.reset(seed);
        run(env, actions, warmupSeconds);
        long[] counts = run(env, actions, seconds);
        double callsPerSecond = counts[0] / (counts[1] / 1e9);
        return new double[] {callsPerSecond * env.numEnvs(), callsPerSecond};
    }

    /** The table's header lines. */
    static String header() {
        return String.format("| env | num_envs | implementation | env-steps/s | ns/env-step |%n|---|---|---|---|---|");
    }

    private static Batch[] actions(VectorEnv env, long seed) {
        NumpyGenerator sampler = NumpyGenerator.seeded(seed);
        Batch[] out = new Batch[ACTION_BATCHES];
        for (int b = 0; b < out.length; b++) {
            List<Value> values = new ArrayList<>(env.numEnvs());
            for (int i = 0; i < env.numEnvs(); i++) {
                values.add(env.singleActionSpace().sample(sampler));
            }
            out[b] = Batch.stack(values, env.singleActionSpace());
        }
        return out;
    }

    /** Steps for about {@code duration} seconds; returns {calls, nanoseconds}. */
    private static long[] run(VectorEnv env, Batch[] actions, double duration) {
        long budget = (long) (duration * 1e9);
        long start = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                env.step(actions[(int) (calls++ % ACTION_BATCHES)]);
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {calls, elapsed};
    }
}
