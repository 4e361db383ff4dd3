package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./jgym sweep --cluster} on a Hazelcast cluster of three {@code ./jgym worker} JVMs on
 * loopback (ephemeral ports, a cluster name of its own): one worker is killed -9 while it trains a
 * run, and still every run ends exactly once in the summary, with every episode in its metrics once.
 */
class ClusterSweepTest {
    private static final Pattern ADDRESS = Pattern.compile("member (\\S+) of cluster");
    /** Runs long enough (a few seconds) for the test to catch a worker in the middle of one. */
    private static final int EPISODES = 8_000;
    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroy();
        }
        for (Process worker : workers) {
            if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void aWorkerKilledMidRunLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        String cluster = "jgym-test-" + UUID.randomUUID();
        String first = address(dir, 0, launch(dir, cluster, 0, Optional.empty()));
        Process joining = launch(dir, cluster, 1, Optional.of(first));
        String third = address(dir, 2, launch(dir, cluster, 2, Optional.of(first)));
        String second = address(dir, 1, joining);
        SweepCommandTest.await(() -> log(dir, 0).contains("Members {size:3"), "the three workers formed one cluster");

        Path spec = dir.resolve("lake.yaml");
        Files.writeString(spec, SweepCommandTest.SPEC.replace("episodes: 3000", "episodes: " + EPISODES));
        Path folder = dir.resolve("runs/lake");
        CompletableFuture<SweepCommandTest.Result> sweep = CompletableFuture.supplyAsync(() -> SweepCommandTest.run("sweep", spec.toString(),
                "--runs-dir", dir.resolve("runs").toString(), "--cluster", cluster, "--members", String.join(",", first, second, third)));

        // Kill -9 a worker whose child is training a run (the child then stops with a checkpoint, or finishes first).
        Path[] run = new Path[1];
        int[] training = new int[1];
        SweepCommandTest.await(() -> (run[0] = trainedRun(folder)) != null && (training[0] = workerOf(run[0])) >= 0, "a worker trains a run");
        Process victim = workers.get(training[0]);
        victim.destroyForcibly();
        victim.waitFor();

        SweepCommandTest.Result result = sweep.get(SweepCommandTest.PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        assertEquals(0, result.code(), result.err());
        List<String> rows = Files.readAllLines(folder.resolve("runs.csv"));
        assertEquals(7, rows.size(), String.join("\n", rows));
        assertEquals(6, rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(','))).distinct().count(), "each run once");
        for (String row : rows.subList(1, rows.size())) {
            String name = row.substring(0, row.indexOf(','));
            assertTrue(row.contains(",finished," + EPISODES + ","), row);
            List<String> lines = Files.readAllLines(folder.resolve(name).resolve("metrics.csv"));
            assertEquals(EPISODES + 1, lines.size(), name);
            for (int episode = 0; episode < EPISODES; episode++) {
                assertTrue(lines.get(episode + 1).startsWith(episode + ","), name + ": episode " + episode + " once, in order");
            }
        }
        // The durable executor ran the dead worker's task again on a survivor, which took the run over.
        String name = run[0].getFileName().toString();
        int dead = workers.indexOf(victim);
        Pattern took = Pattern.compile("run " + Pattern.quote(name) + "\\b");
        assertTrue(List.of(0, 1, 2).stream().filter(i -> i != dead).anyMatch(i -> took.matcher(log(dir, i)).find()),
                "a surviving worker re-ran the task of " + name);
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("learningRate_0.1,learningRate=0.1,3,3,") && summary.get(2).startsWith("learningRate_0.5,learningRate=0.5,3,3,"),
                String.join("\n", summary));
    }

    /** Starts worker {@code index} on a free loopback port, joining {@code join}. */
    private Process launch(Path dir, String cluster, int index, Optional<String> join) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("worker", "--cluster", cluster, "--port", "0", "--host", "127.0.0.1", "--workers", "1"));
        join.ifPresent(address -> arguments.addAll(List.of("--members", address)));
        Process worker = new ProcessBuilder(ChildJvm.likeThisOne().command(arguments))
                .redirectError(dir.resolve("worker-" + index + ".log").toFile()).start();
        workers.add(worker);
        return worker;
    }

    /** The address worker {@code index} prints once it is a member. */
    private static String address(Path dir, int index, Process worker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher matcher = ADDRESS.matcher(line == null ? "" : line);
        assertTrue(matcher.find(), "worker " + index + " said: " + line + "\n" + log(dir, index));
        return matcher.group(1);
    }

    /** A run of the sweep that a worker's child JVM is training now (past its first checkpoint), or null. */
    private Path trainedRun(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(folder)) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                if (workerOf(run) >= 0 && Files.isDirectory(run.resolve("checkpoints"))) {
                    return run;
                }
            }
        } catch (IOException | IllegalStateException e) {
            return null;   // a folder being written; look again
        }
        return null;
    }

    /** The index of the worker whose child trains {@code run} now; -1 when none does. */
    private int workerOf(Path run) {
        Optional<Long> parent = RunStatus.read(run).filter(s -> s.state() == RunStatus.State.RUNNING).flatMap(s -> ProcessHandle.of(s.pid()))
                .flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
        for (int i = 0; i < workers.size(); i++) {
            if (parent.isPresent() && parent.get() == workers.get(i).pid()) {
                return i;
            }
        }
        return -1;
    }

    private static String log(Path dir, int index) {
        try {
            return Files.readString(dir.resolve("worker-" + index + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
