package io.jgym.contracts.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a trained model came from: the trainer, the preset it started from, the full config, the
 * seed, the jgym version and the git commit of the build when it is known. Saved inside every
 * checkpoint ({@code checkpoint.json}) and in the run's {@code config.json}, so a model file found
 * on its own still says how to make it again.
 *
 * @param trainer   the registered trainer name, e.g. {@code dqn}
 * @param preset    the preset the config started from
 * @param config    the resolved config as JSON-ready values (maps, lists, strings, numbers, booleans)
 * @param seed      the config's seed
 * @param jgym      the jgym version
 * @param gitCommit the commit jgym was built from, when known
 */
public record Provenance(String trainer, String preset, Map<String, Object> config, long seed, String jgym,
                         Optional<String> gitCommit) {
    public Provenance {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** As saved in JSON: one map with the commit left out when unknown. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trainer", trainer);
        map.put("preset", preset);
        map.put("seed", seed);
        map.put("jgym", jgym);
        gitCommit.ifPresent(commit -> map.put("git_commit", commit));
        map.put("config", config);
        return map;
    }
}
