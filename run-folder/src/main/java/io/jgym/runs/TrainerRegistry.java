package io.jgym.runs;

import io.jgym.contracts.training.TrainerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every trainer on the classpath, found through {@link ServiceLoader} as environments are: jgym's
 * own and those of plugin jars. Checks each provider once, so a broken plugin is reported by name
 * instead of failing later in the middle of a run.
 */
public final class TrainerRegistry {
    private final Map<String, TrainerProvider<?, ?>> providers;

    private TrainerRegistry(List<TrainerProvider<?, ?>> found) {
        Map<String, TrainerProvider<?, ?>> byName = new TreeMap<>();
        for (TrainerProvider<?, ?> provider : found) {
            check(provider);
            TrainerProvider<?, ?> twin = byName.put(provider.name(), provider);
            if (twin != null) {
                throw new IllegalStateException("two trainers are called '" + provider.name() + "': "
                        + twin.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        this.providers = byName;
    }

    /** The trainers registered on the class path. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static TrainerRegistry discover() {
        List<TrainerProvider<?, ?>> found = new ArrayList<>();
        ServiceLoader.load(TrainerProvider.class).forEach(p -> found.add((TrainerProvider<?, ?>) p));
        return new TrainerRegistry(found);
    }

    /** A registry of exactly {@code providers}. */
    public static TrainerRegistry of(List<TrainerProvider<?, ?>> providers) {
        return new TrainerRegistry(providers);
    }

    /** All trainers, by name. */
    public List<TrainerProvider<?, ?>> all() {
        return List.copyOf(providers.values());
    }

    /** The trainer called {@code name}; an unknown name lists the known ones. */
    public TrainerProvider<?, ?> get(String name) {
        TrainerProvider<?, ?> provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown trainer '" + name + "'; trainers: " + String.join(", ", providers.keySet()));
        }
        return provider;
    }

    private static void check(TrainerProvider<?, ?> provider) {
        String where = "trainer provider " + provider.getClass().getName();
        if (provider.name() == null || !provider.name().matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalStateException(where + " has the name '" + provider.name() + "'; use lower case, digits and dashes");
        }
        if (provider.presets().isEmpty()) {
            throw new IllegalStateException(where + " has no presets; give at least a default");
        }
        List<String> keys = Setting.of(provider.configType()).stream().map(Setting::key).toList();
        if (!keys.contains("seed")) {
            throw new IllegalStateException(where + ": its config " + provider.configType().getSimpleName() + " needs a seed");
        }
        for (String budget : provider.budget()) {
            if (!keys.contains(budget)) {
                throw new IllegalStateException(where + " names the budget '" + budget + "', which its config does not have");
            }
        }
    }
}
