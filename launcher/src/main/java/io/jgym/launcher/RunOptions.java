package io.jgym.launcher;

import io.jgym.runs.RunFolder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a run's outputs go: {@code <runs-dir>/<name>/}, and whether an existing run is resumed. */
final class RunOptions {
    @Option(names = "--name", description = "Run name; the folder is <runs-dir>/<name> (default: <trainer>-<env>-<date>-<time>).")
    String name;

    @Option(names = "--runs-dir", description = "Folder holding runs (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of("runs");

    @Option(names = "--resume", description = "Continue the run --name from its last checkpoint, with its saved settings.")
    boolean resume;

    @Option(names = "--progress-seconds", description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    double progressSeconds = 2.0;

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
