package io.jgym.agents.rl4j;

import io.jgym.agents.AgentEnvironments;
import io.jgym.agents.dqn.DqnCheckpoint;
import io.jgym.agents.dqn.DqnProvider;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers RL4J's DQN as the trainer {@code rl4j-dqn}, for comparison with jgym's {@code dqn} on the
 * same environments. RL4J keeps its loop state (replay memory, counters) to itself, so its runs
 * cannot be resumed; each run saves its Q-network for {@code eval} and {@code play}.
 */
public final class Rl4jProvider implements AgentProvider<Rl4jDqnConfig> {

    @Override
    public String name() {
        return "rl4j-dqn";
    }

    @Override
    public String description() {
        return "RL4J's DQN (QLearningDiscreteDense), with RL4J's CartPole example settings";
    }

    @Override
    public Class<Rl4jDqnConfig> configType() {
        return Rl4jDqnConfig.class;
    }

    @Override
    public Map<String, Rl4jDqnConfig> presets() {
        Map<String, Rl4jDqnConfig> presets = new LinkedHashMap<>();
        presets.put("default", Rl4jDqnConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("maxSteps");
    }

    @Override
    public Env environment(Rl4jDqnConfig config) {
        return AgentEnvironments.open(config.env(), config.server());
    }

    @Override
    public Trainer<Policy> create(Rl4jDqnConfig config) {
        Env env = environment(config);
        try {
            return new Rl4jDqnTrainer(config, env);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** The greedy policy of the Q-network a run saved, checked against the environment's spaces. */
    @Override
    public Policy load(Rl4jDqnConfig config, Checkpoint checkpoint) {
        try (Env env = environment(config)) {
            return DqnCheckpoint.greedyPolicy(checkpoint, env);
        }
    }

    /** The environment's reward threshold (475 for CartPole-v1) for the moving average once its window is full, when it has one. */
    @Override
    public List<Target> targets(Rl4jDqnConfig config) {
        return DqnProvider.rewardThreshold(config.env()).stream()
                .mapToObj(threshold -> new Target(DqnTrainer.MOVING_AVERAGE, threshold, config.solveWindow())).toList();
    }

    @Override
    public boolean resumable() {
        return false;
    }
}
