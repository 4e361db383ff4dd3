package io.jgym.examples.qlearning;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@code q-learning} with jgym: this class is listed in
 * {@code META-INF/services/io.jgym.contracts.training.TrainerProvider}, so putting this jar on
 * jgym's class path ({@code JGYM_CLASSPATH}) adds the trainer to {@code ./jgym trainers},
 * {@code train}, {@code eval}, {@code play} and {@code bench}.
 */
public final class QLearningProvider implements AgentProvider<QLearningConfig> {

    @Override
    public String name() {
        return "q-learning";
    }

    @Override
    public String description() {
        return "Tabular Q-learning on a Discrete environment (an example plugin; FrozenLake-v1 by default).";
    }

    @Override
    public Class<QLearningConfig> configType() {
        return QLearningConfig.class;
    }

    @Override
    public Map<String, QLearningConfig> presets() {
        Map<String, QLearningConfig> presets = new LinkedHashMap<>();
        presets.put("default", QLearningConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("episodes");
    }

    @Override
    public Trainer<Policy> create(QLearningConfig config) {
        return new QLearningTrainer(config, environment(config));
    }

    @Override
    public Policy load(QLearningConfig config, Checkpoint checkpoint) {
        try (QLearningTrainer trainer = new QLearningTrainer(config, environment(config))) {
            return trainer.table(checkpoint);
        }
    }

    @Override
    public Env environment(QLearningConfig config) {
        return EnvRegistry.discover().make(config.env());
    }
}
