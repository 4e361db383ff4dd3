package io.jgym.runs.process;

import io.jgym.runs.RunFolder;
import io.jgym.runs.RunSpec;
import io.jgym.runs.RunStatus;
import io.jgym.runs.Setting;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One training run in a child JVM: {@code jgym train <trainer>} with the run's settings as flags, its
 * output appended to {@code <run folder>/train.log}. The HTTP server's runs and the sweep workers
 * start runs through this class only. Stopping sends SIGTERM, on which the run writes a checkpoint
 * and exits 130; the run folder's {@link RunStatus} then says {@code stopped} and the run can be
 * resumed. A child that dies without recording its outcome (killed, crashed, out of memory) is
 * recorded as failed with the end of its log.
 */
public final class TrainProcess {
    /** The log file in the run folder. */
    public static final String LOG_FILE = "train.log";
    /**
     * The environment variable naming the process a child must not outlive: {@code jgym train} asks
     * its run to stop (with a checkpoint) when that process ends, even by kill -9.
     */
    public static final String PARENT_PID_VARIABLE = "JGYM_PARENT_PID";
    /** The exit status of {@code jgym train} stopped by a signal. */
    public static final int EXIT_STOPPED = 130;
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path folder;
    private final Process process;
    private final CompletableFuture<RunStatus> exit;

    private TrainProcess(Path folder, Process process) {
        this.folder = folder;
        this.process = process;
        this.exit = process.onExit().thenApply(ended -> settle(ended.exitValue()));
    }

    /**
     * Starts training {@code trainer} as {@code spec} asks in a child {@code jvm}. The spec must name
     * the run (its folder is {@code spec.runsDir()/name}); the folder and its {@code train.log} are
     * created first, and the run is recorded as queued until the child records that it runs.
     *
     * @throws IllegalArgumentException if the spec has no name or a setting cannot be given as a flag
     * @throws UncheckedIOException     if the folder cannot be made or the JVM not started
     */
    public static TrainProcess start(ChildJvm jvm, String trainer, RunSpec spec) {
        return start(jvm, trainer, spec, false);
    }

    /**
     * As {@link #start(ChildJvm, String, RunSpec)}; with {@code endsWithThisProcess}, the run also stops
     * (checkpointed, {@code stopped}) when the current process ends, however it ends: for sweep workers,
     * whose task is run again elsewhere when they die. A server's runs outlive a server restart instead.
     */
    public static TrainProcess start(ChildJvm jvm, String trainer, RunSpec spec, boolean endsWithThisProcess) {
        String name = spec.name().orElseThrow(() -> new IllegalArgumentException("a run started in a child process needs a name"));
        Path folder = RunFolder.resolve(spec.runsDir(), name);
        List<String> arguments = arguments(trainer, spec);
        try {
            Files.createDirectories(folder);
            RunStatus.queued().write(folder);
            ProcessBuilder builder = new ProcessBuilder(jvm.command(arguments)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(LOG_FILE).toFile()));
            if (endsWithThisProcess) {
                builder.environment().put(PARENT_PID_VARIABLE, String.valueOf(ProcessHandle.current().pid()));
            } else {
                builder.environment().remove(PARENT_PID_VARIABLE);
            }
            return new TrainProcess(folder, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the run " + name + ": " + e.getMessage(), e);
        }
    }

    /** The {@code jgym} arguments that train {@code trainer} as {@code spec} asks. */
    static List<String> arguments(String trainer, RunSpec spec) {
        List<String> arguments = new ArrayList<>(List.of("train", trainer, "--runs-dir", spec.runsDir().toString(),
                "--name", spec.name().orElseThrow(), "--keep-checkpoints", String.valueOf(spec.keepCheckpoints())));
        spec.preset().ifPresent(preset -> arguments.addAll(List.of("--preset", preset)));
        if (spec.resume()) {
            arguments.add("--resume");
        }
        for (Map.Entry<String, Object> setting : spec.settings().entrySet()) {
            // --flag=value, so a value starting with '-' is never read as another flag
            arguments.add(Setting.flag(setting.getKey()) + "=" + flagValue(setting.getKey(), setting.getValue()));
        }
        return arguments;
    }

    private static String flagValue(String key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(Setting.flag(key) + " cannot be set to null for a run in a child process;"
                    + " leave it out to keep the preset's value");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value.getClass().isArray()) {
            throw new IllegalArgumentException(Setting.flag(key) + " takes a list, not " + Arrays.toString((Object[]) value));
        }
        return String.valueOf(value);
    }

    /** The run's folder. */
    public Path folder() {
        return folder;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Asks the run to stop after its current episode, with a checkpoint (SIGTERM). */
    public void stop() {
        process.destroy();
    }

    /** Ends the child at once (SIGKILL); the run keeps its last checkpoint and is recorded as failed. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Completes with the run's final status once the child has exited and the status is settled. */
    public CompletableFuture<RunStatus> onExit() {
        return exit;
    }

    /** The last {@code lines} lines of the run's log. */
    public String logTail(int lines) {
        return logTail(folder, lines);
    }

    /** The last {@code lines} lines of the log in {@code runFolder}; empty if it has none. */
    public static String logTail(Path runFolder, int lines) {
        Path log = runFolder.resolve(LOG_FILE);
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log of " + runFolder.getFileName(), e);
        }
    }

    /**
     * The final status after the child exited with {@code code}: what the run recorded, unless it
     * recorded nothing final, in which case it failed (or, on a stop before training began, stopped).
     */
    private RunStatus settle(int code) {
        RunStatus recorded = RunStatus.recorded(folder).orElseGet(RunStatus::queued);
        if (!recorded.state().active()) {
            return recorded;
        }
        RunStatus settled = code == EXIT_STOPPED
                ? recorded.ended(RunStatus.State.STOPPED, recorded.episodes(), "stopped before training began")
                : recorded.ended(RunStatus.State.FAILED, recorded.episodes(), "exit code " + code + ": " + lastLine());
        settled.write(folder);
        return settled;
    }

    private String lastLine() {
        String tail = logTail(1).strip();
        return tail.isEmpty() ? "no output" : tail;
    }
}
