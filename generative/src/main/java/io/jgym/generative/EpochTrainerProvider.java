package io.jgym.generative;

import io.jgym.contracts.training.GenerativeProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What every generative trainer's provider shares: its name and description, one preset
 * ({@code default}, the config record's {@code defaults()}), and a budget of epochs. Each provider
 * adds how to make its trainer and how to load its sampler.
 *
 * @param <C> the config record
 */
public abstract class EpochTrainerProvider<C> implements GenerativeProvider<C> {
    private final String name;
    private final String description;
    private final Class<C> configType;
    private final C defaults;

    protected EpochTrainerProvider(String name, String description, Class<C> configType, C defaults) {
        this.name = name;
        this.description = description;
        this.configType = configType;
        this.defaults = defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final Map<String, C> presets() {
        Map<String, C> presets = new LinkedHashMap<>();
        presets.put("default", defaults);
        return presets;
    }

    @Override
    public final Set<String> budget() {
        return Set.of("epochs");
    }
}
