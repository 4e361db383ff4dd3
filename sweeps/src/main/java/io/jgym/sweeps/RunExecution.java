package io.jgym.sweeps;

import io.jgym.runs.RunFolder;
import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import io.jgym.runs.process.TrainProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one sweep run to its end in a child JVM, from whatever state its folder is in, and returns
 * the result: the one path the local pool and the cluster workers share. A finished run is returned
 * as it is (or resumed, if the sweep now asks for a larger budget); a run another live process is training (the orphaned child of a killed worker, or a
 * task Hazelcast re-ran while the first copy still runs) is waited for; a stopped, failed or
 * interrupted run is resumed from its newest checkpoint; anything else starts fresh. So a run is
 * trained once however often its task is executed. The child stops (with a checkpoint) when the
 * worker that started it dies, so a task run again elsewhere finds the run stopped, not still training.
 */
final class RunExecution {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    /** How long a run another machine records as running may show no progress before it is taken over. */
    static final Duration REMOTE_STALE = Duration.ofMinutes(2);
    private static final Duration REMOTE_POLL = Duration.ofSeconds(2);
    private static final Duration LOCAL_POLL = Duration.ofMillis(200);
    /** The lock file in a run folder that executions on one machine take turns through. */
    static final String LOCK_FILE = ".sweep.lock";

    private final ChildJvm jvm;

    RunExecution(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /**
     * Trains {@code request}'s run until it ends and returns what it left. Executions of the same run on
     * this machine take turns through a lock file in the run folder, so two copies of a task never
     * start the run twice.
     */
    RunResult execute(RunRequest request) throws InterruptedException {
        Path folder = request.folder();
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel);
                try {
                    return executeLocked(request, folder);
                } finally {
                    lock.release();
                }
            }
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("stopped while waiting for " + request.name());
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the run folder " + folder, e);
        }
    }

    private static FileLock acquire(FileChannel channel) throws IOException, InterruptedException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // Another execution of the same run in this JVM holds it: wait for it to finish.
                TimeUnit.MILLISECONDS.sleep(LOCAL_POLL.toMillis());
            }
        }
    }

    private RunResult executeLocked(RunRequest request, Path folder) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            Optional<ProcessHandle> trainer = trainerOf(folder);
            if (trainer.isPresent()) {
                LOG.info("run {} is being trained by process {}; waiting for it", folder.getFileName(), trainer.get().pid());
                awaitExit(trainer.get());
                continue;
            }
            Optional<RunStatus> status = RunStatus.read(folder);
            if (status.isPresent() && status.get().state() == RunStatus.State.FINISHED && !request.extendsRun(folder)) {
                LOG.info("run {} has finished; reading it back", request.name());
                return RunResult.collect(folder, status.get(), 0);
            }
            if (status.isPresent() && status.get().state() == RunStatus.State.RUNNING && !awaitOther(folder, status.get())) {
                continue;
            }
            boolean resume = Files.isRegularFile(folder.resolve(RunFolder.CONFIG_FILE));
            LOG.info("{} run {}", resume ? "resuming" : "starting", request.name());
            TrainProcess process = TrainProcess.start(jvm, request.trainer(), resume ? request.resumed() : request.fresh(), true);
            RunStatus end;
            try {
                end = process.onExit().get();
            } catch (InterruptedException e) {
                process.stop();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the run " + request.name() + " could not be settled: " + e.getCause().getMessage(), e.getCause());
            }
            return RunResult.collect(folder, end, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Waits while another process trains the run. Returns true when the run should be taken over
     * (its process is gone, or, on another machine, it made no progress for {@link #REMOTE_STALE}).
     */
    private static boolean awaitOther(Path folder, RunStatus running) throws InterruptedException {
        if (running.processAlive()) {
            ProcessHandle.of(running.pid()).ifPresent(RunExecution::awaitExit);
            return false;
        }
        if (RunStatus.recorded(folder).map(s -> s.state() != RunStatus.State.RUNNING).orElse(true)) {
            return false;
        }
        if (Duration.between(lastProgress(folder), Instant.now()).compareTo(REMOTE_STALE) > 0) {
            LOG.warn("run {} is recorded as running on {} but made no progress for {}; taking it over", folder.getFileName(),
                    running.host(), REMOTE_STALE);
            return true;
        }
        TimeUnit.MILLISECONDS.sleep(REMOTE_POLL.toMillis());
        return false;
    }

    /**
     * A live process on this machine that trains the run in {@code folder}: a {@code jgym train ...
     * --runs-dir <its parent> --name <it>} command. It finds the child a killed worker left behind,
     * even before that child has recorded that it runs.
     */
    static Optional<ProcessHandle> trainerOf(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses().filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().arguments().map(arguments -> trains(arguments, target)).orElse(false)).findFirst();
    }

    private static boolean trains(String[] arguments, Path folder) {
        List<String> list = List.of(arguments);
        int runsDir = list.indexOf("--runs-dir");
        int name = list.indexOf("--name");
        return list.contains("train") && runsDir >= 0 && name >= 0 && runsDir + 1 < list.size() && name + 1 < list.size()
                && Path.of(list.get(runsDir + 1)).toAbsolutePath().normalize().resolve(list.get(name + 1)).equals(folder);
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for process " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for process " + process.pid(), e);
        }
    }

    private static Instant lastProgress(Path folder) {
        Instant latest = Instant.EPOCH;
        for (String file : new String[] {RunStatus.FILE, TrainProcess.LOG_FILE, "metrics.csv"}) {
            try {
                FileTime time = Files.getLastModifiedTime(folder.resolve(file));
                latest = time.toInstant().isAfter(latest) ? time.toInstant() : latest;
            } catch (IOException e) {
                // not written yet
            }
        }
        return latest;
    }
}
