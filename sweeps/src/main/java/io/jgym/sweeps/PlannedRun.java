package io.jgym.sweeps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a sweep: a configuration on one task with one seed, in the run folder
 * {@code runs/<sweep>/<name>/}.
 *
 * @param name          the run folder's name
 * @param configuration the id of its {@link Configuration}
 * @param task          the task key's value; empty when the sweep has no tasks
 * @param seed          the run's seed
 * @param settings      every setting it is trained with over the preset: shared, varying, task and seed
 */
public record PlannedRun(String name, String configuration, Optional<String> task, long seed, Map<String, Object> settings) {
    public PlannedRun {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
