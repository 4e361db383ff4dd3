package io.jgym.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags of {@code ./jgym train <trainer>} that choose the run rather than its settings: the
 * preset, the run's name and folder, resuming, how many checkpoints to keep, progress output.
 */
final class RunFlags {
    @Option(names = "--preset", description = "Starting settings; see ./jgym trainers (default: the trainer's first preset).")
    String preset;

    @Option(names = "--name", description = "Run name; the folder is <runs-dir>/<name> (default: <trainer>[-<env>]-<date>-<time>).")
    String name;

    @Option(names = "--runs-dir", description = "Folder holding runs (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of("runs");

    @Option(names = "--resume", description = "Continue the run --name from its last checkpoint with its saved settings;"
            + " a larger budget (--epochs, --max-steps, ...) extends a finished run.")
    boolean resume;

    @Option(names = "--keep-checkpoints", description = "Newest checkpoints kept in the run folder (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints = 2;

    @Option(names = "--progress-seconds", description = "Seconds between progress lines; 0 prints every episode (default: ${DEFAULT-VALUE}).")
    double progressSeconds = 2.0;

    @Option(names = "--print-config", description = "Print the resolved settings as JSON and exit.")
    boolean printConfig;
}
