package io.jgym.sweeps;

import io.jgym.runs.RunFolder;
import io.jgym.runs.RunSpec;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a worker needs to train one sweep run, wherever it runs: in the coordinator's pool or on a
 * cluster member (so it is serializable and holds only strings, numbers and lists).
 *
 * @param trainer         the trainer's name
 * @param preset          the preset, or null for the trainer's default
 * @param settings        every setting of a new run
 * @param budget          the settings among them a resumed run takes (its budget), so a raised budget extends it
 * @param runsDir         the sweep's folder, which holds the run folder
 * @param name            the run folder's name
 * @param keepCheckpoints how many of the newest checkpoints the run keeps
 */
public record RunRequest(String trainer, String preset, LinkedHashMap<String, Object> settings, LinkedHashMap<String, Object> budget,
                         String runsDir, String name, int keepCheckpoints) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Checkpoints a sweep run keeps: the newest to resume from and the one before, as ./jgym train does. */
    static final int KEEP_CHECKPOINTS = 2;

    /** The run's folder. */
    public Path folder() {
        return Path.of(runsDir).resolve(name);
    }

    /** The spec of a new run. */
    RunSpec fresh() {
        return new RunSpec(Optional.ofNullable(preset), settings, Optional.of(name), Path.of(runsDir), false, keepCheckpoints, true);
    }

    /** The spec that resumes the run from its newest checkpoint, with its budget as the sweep now asks. */
    RunSpec resumed() {
        return new RunSpec(Optional.empty(), budget, Optional.of(name), Path.of(runsDir), true, keepCheckpoints, true);
    }

    /**
     * Whether the run in {@code folder} was trained on a smaller budget than this request asks (the
     * sweep file's budget was raised since), so a finished run is to be resumed to extend it.
     */
    boolean extendsRun(Path folder) {
        if (budget.isEmpty() || !Files.isRegularFile(folder.resolve(RunFolder.CONFIG_FILE))) {
            return false;
        }
        Object saved = RunFolder.open(folder).record().get("config");
        if (!(saved instanceof Map<?, ?> config)) {
            return false;
        }
        return budget.entrySet().stream().anyMatch(entry -> config.get(entry.getKey()) instanceof Number before
                && entry.getValue() instanceof Number after && after.doubleValue() > before.doubleValue());
    }

    /** A request for {@code run} of a sweep in {@code sweepFolder}; {@code budgetKeys} are the trainer's budget settings. */
    static RunRequest of(String trainer, Optional<String> preset, PlannedRun run, java.util.Set<String> budgetKeys, Path sweepFolder) {
        LinkedHashMap<String, Object> budget = new LinkedHashMap<>();
        run.settings().forEach((key, value) -> {
            if (budgetKeys.contains(key)) {
                budget.put(key, value);
            }
        });
        return new RunRequest(trainer, preset.orElse(null), new LinkedHashMap<>(run.settings()), budget,
                sweepFolder.toAbsolutePath().toString(), run.name(), KEEP_CHECKPOINTS);
    }

    @Override
    public String toString() {
        return name;
    }
}
