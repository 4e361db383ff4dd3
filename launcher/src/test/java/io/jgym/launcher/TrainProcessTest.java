package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.runs.RunSpec;
import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import io.jgym.runs.process.TrainProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs trained in child JVMs as the HTTP server and sweeps start them: the run folder's
 * {@code status.json} follows the run (queued, running, then finished, stopped or failed), a stop
 * checkpoints, a run killed -9 is seen as failed by any later reader and resumes from its last
 * checkpoint, and a child refused at start-up leaves its reason in the status. Real processes of the
 * real command line, with the DL4J-free Q-learning plugin trainer.
 */
class TrainProcessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RunSpec spec(Path runs, String name, Map<String, Object> settings) {
        return new RunSpec(Optional.empty(), settings, Optional.of(name), runs, false, 2, true);
    }

    private static RunStatus finish(TrainProcess run) throws Exception {
        return run.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aRunInAChildProcessRecordsThatItFinished(@TempDir Path runs) throws Exception {
        TrainProcess run = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning", spec(runs, "short", Map.of("episodes", 30)));
        RunStatus status = finish(run);
        assertEquals(RunStatus.State.FINISHED, status.state(), run.logTail(20));
        assertEquals(30, status.episodes());
        assertEquals(run.pid(), status.pid(), "the child recorded its own process");
        assertTrue(status.ended() != null && !status.ended().isBefore(status.started()));
        assertEquals(status, RunStatus.read(runs.resolve("short")).orElseThrow(), "any later reader sees the same");
        assertEquals(31, Files.readAllLines(runs.resolve("short/metrics.csv")).size());
        assertTrue(run.logTail(5).contains("results in"), run.logTail(5));
    }

    @Test
    void aStoppedRunCheckpointsAndResumesToTheEnd(@TempDir Path runs) throws Exception {
        TrainProcess run = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning",
                spec(runs, "long", Map.of("episodes", 5_000, "checkpointEvery", 5_000)));
        await(() -> rows(run.folder().resolve("metrics.csv")) > 1, "an episode was reported");
        run.stop();
        RunStatus stopped = finish(run);
        assertEquals(RunStatus.State.STOPPED, stopped.state(), run.logTail(20));
        assertTrue(stopped.episodes() > 0);
        assertTrue(Files.isDirectory(run.folder().resolve(String.format("checkpoints/episode-%08d", stopped.episodes()))));
        assertEquals(stopped.episodes() + 1, Files.readAllLines(run.folder().resolve("metrics.csv")).size(),
                "every reported episode is in the checkpoint");
        assertTrue(run.logTail(5).contains("continue with: ./jgym train q-learning --resume"), run.logTail(5));

        TrainProcess resumed = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning", spec(runs, "long", Map.of()).resumed(Map.of()));
        RunStatus finished = finish(resumed);
        assertEquals(RunStatus.State.FINISHED, finished.state(), resumed.logTail(20));
        assertEquals(5_000, finished.episodes());
    }

    @Test
    void aKilledRunIsSeenAsFailedAndResumesFromItsLastCheckpoint(@TempDir Path runs) throws Exception {
        TrainProcess run = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning",
                spec(runs, "killed", Map.of("episodes", 5_000, "checkpointEvery", 50)));
        Path checkpoints = run.folder().resolve("checkpoints");
        await(() -> listed(checkpoints).anyMatch(name -> name.startsWith("episode-")), "a checkpoint was written");
        run.kill();
        RunStatus failed = finish(run);
        assertEquals(RunStatus.State.FAILED, failed.state());
        assertTrue(failed.message().startsWith("exit code 137"), failed.message());
        assertEquals(RunStatus.State.FAILED, RunStatus.read(run.folder()).orElseThrow().state());

        TrainProcess resumed = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning", spec(runs, "killed", Map.of()).resumed(Map.of()));
        RunStatus finished = finish(resumed);
        assertEquals(RunStatus.State.FINISHED, finished.state(), resumed.logTail(20));
        assertEquals(5_000, finished.episodes());
        assertEquals(5_001, Files.readAllLines(run.folder().resolve("metrics.csv")).size(), "no episode lost or repeated");
    }

    @Test
    void aRunTiedToTheProcessThatStartedItStopsWithACheckpointWhenThatProcessIsKilled(@TempDir Path runs) throws Exception {
        Process worker = new ProcessBuilder(ChildJvm.likeThisOne(StartRunAndWait.class.getName())
                .command(List.of(runs.toString(), "tied"))).redirectErrorStream(true)
                .redirectOutput(runs.resolve("worker.log").toFile()).start();
        Path folder = runs.resolve("tied");
        try {
            await(() -> RunStatus.read(folder).map(s -> s.state() == RunStatus.State.RUNNING).orElse(false), "the run started");
            worker.destroyForcibly();
            await(() -> RunStatus.read(folder).map(s -> !s.state().active()).orElse(false), "the run ended");
        } finally {
            worker.destroyForcibly();
        }
        RunStatus status = RunStatus.read(folder).orElseThrow();
        assertEquals(RunStatus.State.STOPPED, status.state(), TrainProcess.logTail(folder, 20));
        assertTrue(status.episodes() > 0 && status.episodes() < 1_000_000);
        assertTrue(Files.isDirectory(folder.resolve(String.format("checkpoints/episode-%08d", status.episodes()))));
        assertTrue(TrainProcess.logTail(folder, 20).contains("which started this run, ended"), TrainProcess.logTail(folder, 20));
    }

    @Test
    void aRunRefusedAtStartIsFailedWithTheReason(@TempDir Path runs) throws Exception {
        TrainProcess run = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning", spec(runs, "refused", Map.of("env", "NoSuchEnv-v0")));
        RunStatus status = finish(run);
        assertEquals(RunStatus.State.FAILED, status.state());
        assertTrue(status.message().startsWith("exit code 1: jgym: ") && status.message().contains("NoSuchEnv-v0"), status.message());
        assertFalse(Files.exists(run.folder().resolve("config.json")));
    }

    private static long rows(Path csv) {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count();
        } catch (IOException e) {
            return 0; // not written yet
        }
    }

    private static Stream<String> listed(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds, failing after a minute. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
