package io.jgym.launcher;

import io.jgym.runs.RunFolder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a run's outputs go ({@code <runs-dir>/<name>/}) and whether an existing run is resumed:
 * with {@code --resume} every trainer reloads the run's saved settings from its config.json, refuses
 * flags that would change them, and continues from the last checkpoint; when training stops with an
 * error, the message says how to continue.
 */
final class RunOptions {
    @Option(names = "--name", description = "Run name; the folder is <runs-dir>/<name> (default: <trainer>-<env>-<date>-<time>).")
    String name;

    @Option(names = "--runs-dir", description = "Folder holding runs (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of("runs");

    @Option(names = "--resume", description = "Continue the run --name from its last checkpoint, with its saved settings.")
    boolean resume;

    @Option(names = "--progress-seconds", description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    double progressSeconds = 2.0;

    /** The flags that may come with {@code --resume}: they choose the run, not its settings. */
    private static final Set<String> RESUME_FLAGS = Set.of("--name", "--runs-dir", "--resume", "--progress-seconds");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * With {@code --resume}, the config.json record of the run {@code --name}, once it is clear that
     * {@code trainer} made it and no other flag tries to change its settings; empty for a new run.
     */
    Optional<Map<String, Object>> resumed(String trainer) {
        if (!resume) {
            return Optional.empty();
        }
        List<String> others = command.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName)
                .filter(flag -> !RESUME_FLAGS.contains(flag)).toList();
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("--resume continues with the run's saved settings; leave out " + String.join(", ", others));
        }
        Path folder = folder(trainer, "");
        Map<String, Object> record = RunFolder.open(folder).record();
        if (!trainer.equals(record.get("trainer"))) {
            throw new IllegalArgumentException(folder + " holds a " + record.get("trainer") + " run; continue it with ./jgym train "
                    + record.get("trainer") + " --resume --runs-dir " + runsDir + " --name " + name);
        }
        return Optional.of(record);
    }

    /** The saved settings of a resumed run ({@code saved} from {@link #resumed}), or those the flags give. */
    static <T> T config(Optional<Map<String, Object>> saved, Class<T> type, Supplier<T> fromFlags) {
        return saved.map(record -> RunFolder.convert(record.get("config"), type)).orElseGet(fromFlags);
    }

    /** The resumed run's folder, or a new run's, created with its config.json. */
    RunFolder open(Path folder, String trainer, Map<String, Object> details, Object config) {
        return resume ? RunFolder.open(folder) : create(folder, trainer, details, config);
    }

    /**
     * Runs {@code training}; when it stops with an error, rethrows it with where the last checkpoint is
     * and the command that continues the run.
     */
    void train(String trainer, RunFolder folder, Runnable training) {
        try {
            training.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("training stopped: " + e.getMessage() + "\n  the last checkpoint is kept in "
                    + folder.checkpoints() + "; continue with: ./jgym train " + trainer + " --resume --runs-dir " + runsDir
                    + " --name " + folder.root().getFileName(), e);
        }
    }

    /** The run folder for a trainer on an environment. */
    Path folder(String trainer, String envId) {
        if (resume && name == null) {
            throw new IllegalArgumentException("--resume needs the --name of the run to continue");
        }
        String chosen = name != null ? name
                : trainer + "-" + envId.replace('/', '_') + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return runsDir.resolve(chosen);
    }

    /** Creates the run's folder and config.json: the trainer, what it trains on ({@code details}), its settings, the jgym version. */
    static RunFolder create(Path folder, String trainer, Map<String, Object> details, Object config) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("trainer", trainer);
        record.putAll(details);
        record.put("config", config);
        record.put("jgym", JgymCommand.VERSION);
        return RunFolder.create(folder, record);
    }
}
