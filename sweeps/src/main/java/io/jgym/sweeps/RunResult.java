package io.jgym.sweeps;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.runs.RunStatus;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What comes back to the coordinator from one run: its final state and the run folder's files
 * (config.json, status.json, metrics.csv, train.log, the kept checkpoints, the plots), so the sweep's
 * folder is complete on the coordinator even when the worker's disk is not shared with it.
 *
 * @param name     the run folder's name
 * @param state    finished, stopped or failed
 * @param message  why it failed; empty otherwise
 * @param episodes episodes done
 * @param host     the machine that trained it
 * @param seconds  wall time on the worker, child JVM start included; 0 for a run found finished
 * @param files    the run folder's files, by path relative to the folder
 */
public record RunResult(String name, RunStatus.State state, String message, long episodes, String host, double seconds,
                        LinkedHashMap<String, byte[]> files) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The result of the run in {@code folder} as its files and {@code status} say. */
    static RunResult collect(Path folder, RunStatus status, double seconds) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(RunExecution.LOCK_FILE)).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run folder " + folder, e);
        }
        return new RunResult(folder.getFileName().toString(), status.state(), status.message(), status.episodes(), status.host(), seconds, files);
    }

    /**
     * Writes the returned files into {@code folder} unless it already holds this outcome (the worker
     * wrote to the same, shared, folder). Files are written atomically, status.json last.
     */
    void materialize(Path folder) {
        boolean same = RunStatus.recorded(folder).map(local -> local.state() == state && local.episodes() == episodes).orElse(false);
        if (same) {
            return;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals(RunStatus.FILE)) {
                write(folder, file.getKey(), file.getValue());
            }
        }
        byte[] status = files.get(RunStatus.FILE);
        if (status != null) {
            write(folder, RunStatus.FILE, status);
        }
    }

    private static void write(Path folder, String relative, byte[] content) {
        Path target = folder.resolve(relative).normalize();
        if (!target.startsWith(folder.normalize())) {
            throw new IllegalStateException("a run result names a file outside its folder: " + relative);
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + target.getParent(), e);
        }
        AtomicFiles.write(target, content);
    }
}
