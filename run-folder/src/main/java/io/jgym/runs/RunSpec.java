package io.jgym.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to run, as a user asks for it on the command line, over HTTP or in a sweep: a preset, the
 * settings given (config keys to values), where the run folder goes and whether an existing run is
 * resumed. {@link #benchmark} runs keep no folder and no checkpoints.
 *
 * @param preset          the preset to start from; empty: the trainer's default (or, resuming, the run's own)
 * @param settings        config keys ({@code maxSteps}) to values, laid over the preset
 * @param name            the run's folder name under {@code runsDir}; empty: made from trainer, env and time
 * @param runsDir         the folder holding runs (and {@code .cache/})
 * @param resume          continue the run {@code name} from its newest checkpoint
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param folder          write a run folder; false for benchmarks, which only want the reports
 */
public record RunSpec(Optional<String> preset, Map<String, Object> settings, Optional<String> name, Path runsDir,
                      boolean resume, int keepCheckpoints, boolean folder) {
    public RunSpec {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A new run with {@code settings} over the default preset, in {@code runsDir} under a generated name. */
    public static RunSpec fresh(Path runsDir, Map<String, Object> settings) {
        return new RunSpec(Optional.empty(), settings, Optional.empty(), runsDir, false, 2, true);
    }

    /** A run that writes nothing: {@code settings} over {@code preset}, for benchmarks. */
    public static RunSpec benchmark(Optional<String> preset, Map<String, Object> settings, Path cacheRoot) {
        return new RunSpec(preset, settings, Optional.empty(), cacheRoot, false, 1, false);
    }

    /** The same spec under the name {@code runName}. */
    public RunSpec named(String runName) {
        return new RunSpec(preset, settings, Optional.of(runName), runsDir, resume, keepCheckpoints, folder);
    }

    /** This run resumed, with {@code budget} settings raised to extend it (none to just continue). */
    public RunSpec resumed(Map<String, Object> budget) {
        return new RunSpec(Optional.empty(), budget, name, runsDir, true, keepCheckpoints, folder);
    }
}
