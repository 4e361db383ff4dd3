package io.jgym.envs.vector;

import io.jgym.contracts.Env;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A vector environment over N ordinary environments stepped one after another in index order, as
 * Gymnasium 1.2.3's {@code SyncVectorEnv} (gymnasium/vector/sync_vector_env.py): works for every
 * registered environment, with the three autoreset modes, partial resets and merged infos
 * ({@link InfoBatcher}). Every automatic reset continues the sub-environment's own random stream.
 * {@link VectorEnvs} builds it; the server and the benchmarks use it for ids without a dedicated
 * batched implementation.
 */
public final class SyncVectorEnv extends VectorEnvBase {
    private final List<Env> envs;
    private final Value[] observations;

    /** Takes ownership of {@code envs} (at least one, all with the same spaces). */
    public SyncVectorEnv(List<Env> envs, AutoresetMode mode) {
        super(envs.size(), mode);
        this.envs = List.copyOf(envs);
        this.observations = new Value[envs.size()];
    }

    @Override
    public Space singleObservationSpace() {
        return envs.get(0).observationSpace();
    }

    @Override
    public Space singleActionSpace() {
        return envs.get(0).actionSpace();
    }

    @Override
    public VectorReset reset(OptionalLong seed, boolean[] resetMask) {
        boolean[] which = beginReset(resetMask);
        Map<String, Object> infos = new LinkedHashMap<>();
        for (int i = 0; i < envs.size(); i++) {
            if (which[i]) {
                Reset r = envs.get(i).reset(seed.isPresent() ? OptionalLong.of(seed.getAsLong() + i) : OptionalLong.empty());
                observations[i] = r.observation();
                InfoBatcher.add(infos, r.info(), i, envs.size());
            }
        }
        return new VectorReset(Batch.stack(Arrays.asList(observations), singleObservationSpace()), infos);
    }

    @Override
    public VectorStep step(Batch actions) {
        beginStep(actions);
        int n = envs.size();
        double[] rewards = new double[n];
        boolean[] terminations = new boolean[n];
        boolean[] truncations = new boolean[n];
        Map<String, Object> infos = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Env env = envs.get(i);
            Map<String, Object> info;
            if (autoresetMode() == AutoresetMode.NEXT_STEP && finished[i]) {
                Reset r = env.reset();
                observations[i] = r.observation();
                info = r.info();
            } else {
                Step s = env.step(actions.get(i));
                observations[i] = s.observation();
                rewards[i] = s.reward();
                terminations[i] = s.terminated();
                truncations[i] = s.truncated();
                info = s.info();
                if (autoresetMode() == AutoresetMode.SAME_STEP && s.done()) {
                    Map<String, Object> last = new LinkedHashMap<>();
                    last.put("final_obs", s.observation());
                    last.put("final_info", s.info());
                    InfoBatcher.add(infos, last, i, n);
                    Reset r = env.reset();
                    observations[i] = r.observation();
                    info = r.info();
                }
            }
            InfoBatcher.add(infos, info, i, n);
            finished[i] = terminations[i] || truncations[i];
        }
        return new VectorStep(Batch.stack(Arrays.asList(observations), singleObservationSpace()), rewards, terminations,
                truncations, infos);
    }

    @Override
    public void close() {
        super.close();
        envs.forEach(Env::close);
    }
}
