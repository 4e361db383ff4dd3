package io.jgym.sweeps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration of a sweep: the settings that vary between configurations (a grid point and/or a
 * list entry). Its runs are its seeds (on each task); the report has one row per configuration.
 *
 * @param id       a folder-safe label made of the varying settings ({@code learningRate_0.1-gamma_0.9}),
 *                 or {@code base} when nothing varies
 * @param settings the varying settings, in spec order
 */
public record Configuration(String id, Map<String, Object> settings) {
    public Configuration {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The settings as a reader sees them: {@code learningRate=0.1, gamma=0.9}. */
    public String describe() {
        return settings.isEmpty() ? "(the shared settings only)" : String.join(", ",
                settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
