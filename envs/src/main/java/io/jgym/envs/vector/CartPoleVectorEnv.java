package io.jgym.envs.vector;

import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import io.jgym.envs.classic.CartPolePhysics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * N cart-poles stepped in one tight loop over primitive arrays: the states are four arrays of N
 * doubles (all x, then all x_dot, theta, theta_dot) in one {@code double[]}, advanced by the same
 * {@link CartPolePhysics} as the single {@code CartPole}, with the time limit counted per
 * sub-environment and each sub-environment's own numpy generator for its resets. Results match N
 * {@code CartPole-v1} environments in a {@link SyncVectorEnv} bit for bit, in every autoreset mode.
 *
 * <p>For speed, the observation, reward and flag arrays of a returned step or reset are reused by the
 * next call (copy them with {@link VectorStep#copy()} to keep them), and the infos are empty except
 * for same-step mode's {@code final_obs}/{@code final_info}. {@link VectorEnvs} builds it for
 * {@code CartPole-v0} and {@code CartPole-v1}.
 */
public final class CartPoleVectorEnv extends VectorEnvBase {
    private static final int WIDTH = 4;

    private final Space observationSpace;
    private final Space actionSpace;
    private final int maxEpisodeSteps;
    private final int n;
    private final double[] states;
    private final int[] elapsed;
    private final NumpyGenerator[] generators;
    private final float[] observations;
    private final double[] rewards;
    private final boolean[] terminations;
    private final boolean[] truncations;
    private final Batch.Floats observationBatch;

    /**
     * @param observationSpace the single CartPole's observation space
     * @param actionSpace      the single CartPole's action space
     * @param maxEpisodeSteps  the registered time limit (500 for v1, 200 for v0)
     */
    public CartPoleVectorEnv(int numEnvs, AutoresetMode mode, Space observationSpace, Space actionSpace, int maxEpisodeSteps) {
        super(numEnvs, mode);
        this.n = numEnvs;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.states = new double[WIDTH * n];
        this.elapsed = new int[n];
        this.generators = new NumpyGenerator[n];
        this.observations = new float[WIDTH * n];
        this.rewards = new double[n];
        this.terminations = new boolean[n];
        this.truncations = new boolean[n];
        this.observationBatch = new Batch.Floats(observations, WIDTH);
    }

    @Override
    public Space singleObservationSpace() {
        return observationSpace;
    }

    @Override
    public Space singleActionSpace() {
        return actionSpace;
    }

    @Override
    public VectorReset reset(OptionalLong seed, boolean[] resetMask) {
        boolean[] which = beginReset(resetMask);
        for (int i = 0; i < n; i++) {
            if (which[i]) {
                if (seed.isPresent()) {
                    generators[i] = NumpyGenerator.seeded(seed.getAsLong() + i);
                } else if (generators[i] == null) {
                    generators[i] = NumpyGenerator.fromEntropy();
                }
                resetOne(i);
            }
        }
        return new VectorReset(observationBatch, Map.of());
    }

    @Override
    public VectorStep step(Batch actions) {
        beginStep(actions);
        long[] a = ((Batch.Longs) actions).values();
        AutoresetMode mode = autoresetMode();
        Map<String, Object> infos = Map.of();
        for (int i = 0; i < n; i++) {
            if (finished[i] && mode == AutoresetMode.NEXT_STEP) {
                resetOne(i);
                rewards[i] = 0.0;
                terminations[i] = false;
                truncations[i] = false;
                finished[i] = false;
                continue;
            }
            boolean terminated = CartPolePhysics.step(states, i, n, a[i] == 1);
            boolean truncated = ++elapsed[i] >= maxEpisodeSteps;
            rewards[i] = 1.0;
            terminations[i] = terminated;
            truncations[i] = truncated;
            observe(i);
            if (terminated || truncated) {
                finished[i] = true;
                if (mode == AutoresetMode.SAME_STEP) {
                    infos = addFinal(infos, i);
                    resetOne(i);
                }
            }
        }
        return new VectorStep(observationBatch, rewards, terminations, truncations, infos);
    }

    /** Records sub-environment i's last observation as same-step mode's {@code final_obs} and empty {@code final_info}. */
    private Map<String, Object> addFinal(Map<String, Object> infos, int i) {
        Map<String, Object> out = infos.isEmpty() ? new LinkedHashMap<>() : infos;
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("final_obs", Value.of(Arrays.copyOfRange(observations, i * WIDTH, (i + 1) * WIDTH)));
        last.put("final_info", Map.of());
        InfoBatcher.add(out, last, i, n);
        return out;
    }

    private void resetOne(int i) {
        CartPolePhysics.reset(states, i, n, generators[i]);
        elapsed[i] = 0;
        observe(i);
    }

    private void observe(int i) {
        int o = i * WIDTH;
        observations[o] = (float) states[i];
        observations[o + 1] = (float) states[i + n];
        observations[o + 2] = (float) states[i + 2 * n];
        observations[o + 3] = (float) states[i + 3 * n];
    }
}
