package io.jgym.agents.dqn;

import io.jgym.agents.AgentEnvironments;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.TimeLimit;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.envs.vector.SyncVectorEnv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Registers jgym's DQN as the trainer {@code dqn}: presets {@code default} (tuned on CartPole-v1),
 * {@code course} (the seed course's settings), and one per classic environment ({@code acrobot},
 * {@code mountain-car}, {@code frozen-lake}, {@code taxi}, {@code cliff-walking}); a finished run
 * may be extended with a larger {@code --max-steps} or {@code --max-episodes}. The environment is
 * cut at {@code --max-episode-steps} when that is set, for training, greedy checks, eval and play.
 */
public final class DqnProvider implements AgentProvider<DqnConfig> {

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public String description() {
        return "jgym's DQN: epsilon-greedy, experience replay, target network, Double DQN";
    }

    @Override
    public Class<DqnConfig> configType() {
        return DqnConfig.class;
    }

    @Override
    public Map<String, DqnConfig> presets() {
        Map<String, DqnConfig> presets = new LinkedHashMap<>();
        presets.put("default", DqnConfig.defaults());
        presets.put("course", DqnConfig.course());
        presets.put("acrobot", DqnConfig.acrobot());
        presets.put("mountain-car", DqnConfig.mountainCar());
        presets.put("frozen-lake", DqnConfig.frozenLake());
        presets.put("taxi", DqnConfig.taxi());
        presets.put("cliff-walking", DqnConfig.cliffWalking());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("maxSteps", "maxEpisodes");
    }

    @Override
    public Env environment(DqnConfig config) {
        Env env = AgentEnvironments.open(config.env(), config.server());
        return config.maxEpisodeSteps() > 0 ? new TimeLimit(env, config.maxEpisodeSteps()) : env;
    }

    /** Opens the environments (and one more for greedy checks when {@code --eval-every} is on) and checks their actions. */
    @Override
    public Trainer<Policy> create(DqnConfig config) {
        VectorEnv envs = collectingEnvironments(config);
        Optional<Env> evalEnv = Optional.empty();
        try {
            if (config.evalEvery() > 0) {
                evalEnv = Optional.of(environment(config));
            }
            return new DqnTrainer(config, envs, evalEnv, solvedAt(config));
        } catch (RuntimeException e) {
            envs.close();
            evalEnv.ifPresent(Env::close);
            throw e;
        }
    }

    /**
     * The {@code --num-envs} environments training collects from, reset by the trainer: several on a
     * server are one remote vector environment (one request steps them all); otherwise each is opened
     * as {@link #environment} opens one.
     */
    private VectorEnv collectingEnvironments(DqnConfig config) {
        if (config.numEnvs() > 1 && config.server() != null) {
            return AgentEnvironments.openVector(config.env(), config.server(), config.numEnvs());
        }
        List<Env> envs = new ArrayList<>(config.numEnvs());
        try {
            for (int i = 0; i < config.numEnvs(); i++) {
                envs.add(environment(config));
            }
        } catch (RuntimeException e) {
            envs.forEach(Env::close);
            throw e;
        }
        return new SyncVectorEnv(envs, AutoresetMode.DISABLED);
    }

    /** The greedy policy of the Q-network in {@code checkpoint}, checked against the environment's spaces. */
    @Override
    public Policy load(DqnConfig config, Checkpoint checkpoint) {
        try (Env env = environment(config)) {
            return DqnCheckpoint.greedyPolicy(checkpoint, env);
        }
    }

    /**
     * The environment's reward threshold (475 for CartPole-v1), when it has one, for the greedy mean
     * (reached at the step its check was made; only with greedy checks on) and for the moving average
     * once its window is full.
     */
    @Override
    public List<Target> targets(DqnConfig config) {
        return rewardThreshold(config.env()).stream().boxed()
                .flatMap(threshold -> Stream.of(new Target(DqnTrainer.GREEDY_MEAN, threshold).measuredAt(DqnTrainer.CHECK_STEP),
                        new Target(DqnTrainer.MOVING_AVERAGE, threshold, config.solveWindow())))
                .filter(target -> config.evalEvery() > 0 || !target.metric().equals(DqnTrainer.GREEDY_MEAN))
                .toList();
    }

    @Override
    public String divergenceHint() {
        return "try a lower --learning-rate, --loss HUBER or --max-grad-norm 10";
    }

    /** With {@code --stop-when-solved}, the reward threshold of the environment, which must have one. */
    private static OptionalDouble solvedAt(DqnConfig config) {
        if (!config.stopWhenSolved()) {
            return OptionalDouble.empty();
        }
        OptionalDouble threshold = rewardThreshold(config.env());
        if (threshold.isEmpty()) {
            throw new IllegalArgumentException("--stop-when-solved needs a reward threshold, and " + config.env()
                    + " has none; use --solve-return to stop on the mean training return instead");
        }
        return threshold;
    }

    /** The registered reward threshold of {@code env}, if it has one. */
    public static OptionalDouble rewardThreshold(String env) {
        return EnvRegistry.discover().find(env).map(EnvSpec::rewardThreshold).orElse(OptionalDouble.empty());
    }
}
