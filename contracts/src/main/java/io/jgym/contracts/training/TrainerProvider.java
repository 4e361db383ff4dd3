package io.jgym.contracts.training;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trainer plugin, found with {@link java.util.ServiceLoader} like environments: a jar lists its
 * provider classes in {@code META-INF/services/io.jgym.contracts.training.TrainerProvider} and its
 * trainers appear in {@code ./jgym trainers} and under {@code ./jgym train}. Implement
 * {@link AgentProvider} or {@link GenerativeProvider}, not this directly.
 *
 * <p>The config type is a record whose compact constructor validates (naming the flag of a bad
 * value) and which has a {@code long seed} component; each component becomes a flag
 * ({@code maxSteps} -> {@code --max-steps}) described by its {@code @JsonPropertyDescription}.
 *
 * @param <C> the config record
 * @param <M> what training produces
 */
public interface TrainerProvider<C, M> {

    /** Agents play environments; generative models learn a distribution of data. */
    enum Kind { AGENT, GENERATIVE }

    /** The name under {@code ./jgym train}, lower case with dashes, e.g. {@code sine-gan}. */
    String name();

    /** One line: what is trained on what. */
    String description();

    Kind kind();

    Class<C> configType();

    /** Named starting configs in a stable order; the first is the default. */
    Map<String, C> presets();

    /**
     * The config components that say how long to train ({@code epochs}, {@code maxSteps}): the only
     * ones a resumed run may change, and only upwards, to extend a finished run.
     */
    Set<String> budget();

    /** A trainer for {@code config}; opens and checks what it needs (environment, data) so bad input fails before a run folder exists. */
    Trainer<M> create(C config);

    /** The model saved in {@code checkpoint} by a run of this trainer with {@code config}. */
    M load(C config, Checkpoint checkpoint);

    /** Levels of declared metrics that count as success with {@code config}, for benchmarks; none by default. */
    default List<Target> targets(C config) {
        return List.of();
    }

    /** Said when a loss becomes NaN or infinite. */
    default String divergenceHint() {
        return "try a lower --learning-rate";
    }

    /** Whether runs can continue from a checkpoint; a trainer that owns no loop state (RL4J) cannot. */
    default boolean resumable() {
        return true;
    }
}
