package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.runs.RunSpec;
import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import io.jgym.runs.process.TrainProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./jgym sweep} through the local pool, with real child JVMs of the DL4J-free Q-learning
 * plugin: 2 configurations x 3 seeds finish into run folders, the report and summary count each run
 * once, an interrupted run is resumed from its checkpoint, a second invocation only reads back, and
 * a raised budget extends a finished run.
 */
class SweepCommandTest {
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String SPEC = """
            name: lake
            trainer: q-learning
            settings: {episodes: 3000, checkpointEvery: 100}
            grid:
              learningRate: [0.1, 0.5]
            seeds: 3
            score: {lastEpisodes: 500}
            bootstrap: {reps: 2000}
            """;

    @Test
    void aSweepOfTwoConfigurationsTimesThreeSeedsRunsEachOnceAndResumesTheInterruptedOne(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("lake.yaml");
        Files.writeString(spec, SPEC);
        Path runs = dir.resolve("runs");

        Result dry = run("sweep", spec.toString(), "--runs-dir", runs.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("2 configuration(s) x 1 task(s) x 3 seed(s) = 6 runs"), dry.out());
        assertTrue(dry.out().contains("learningRate_0.5-seed_3: --episodes 3000 --checkpoint-every 100 --learning-rate 0.5 --seed 3"),
                dry.out());
        assertTrue(Files.notExists(runs), "a dry run writes nothing");

        // One run was interrupted by a crash before the sweep: killed -9 after its first checkpoint.
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("episodes", 3000, "checkpointEvery", 100, "learningRate", 0.5, "seed", 2L));
        TrainProcess crashed = TrainProcess.start(ChildJvm.likeThisOne(), "q-learning",
                new RunSpec(Optional.empty(), settings, Optional.of("learningRate_0.5-seed_2"), runs.resolve("lake"), false, 2, true));
        await(() -> Files.isDirectory(crashed.folder().resolve("checkpoints/episode-00000100")), "the run checkpointed");
        crashed.kill();
        assertEquals(RunStatus.State.FAILED, crashed.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).state());

        Result sweep = run("sweep", spec.toString(), "--runs-dir", runs.toString(), "--workers", "2");
        assertEquals(0, sweep.code(), sweep.err());
        assertTrue(sweep.out().contains("| learningRate_0.1 | 3 / 3 |"), sweep.out());
        Path folder = runs.resolve("lake");
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertEquals(3, summary.size(), String.join("\n", summary));
        assertTrue(summary.get(1).startsWith("learningRate_0.1,learningRate=0.1,3,3,"), summary.get(1));
        double[] iqm = numbers(summary.get(2), 4, 3);
        assertTrue(iqm[1] <= iqm[0] && iqm[0] <= iqm[2] && iqm[0] >= 0 && iqm[0] <= 1, summary.get(2));
        List<String> rows = Files.readAllLines(folder.resolve("runs.csv"));
        assertEquals(7, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String name = row.substring(0, row.indexOf(','));
            assertTrue(row.contains(",finished,3000,"), row);
            assertEquals(3001, Files.readAllLines(folder.resolve(name).resolve("metrics.csv")).size(), name + ": every episode once");
        }
        // A new run refuses a folder that holds one, so a second session that finished means a resume.
        assertEquals(2, Files.readAllLines(crashed.folder().resolve("train.log")).stream().filter(l -> l.startsWith("training ")).count(),
                "the interrupted run was resumed, not retrained");
        for (String file : List.of("report.html", "scores.png", "performance-profile.png", "learning-curves.png")) {
            assertTrue(Files.size(folder.resolve(file)) > 1000, file);
        }
        assertTrue(Files.readString(folder.resolve("report.html")).contains("Runs that do not count (0)"));

        Map<String, String> statuses = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String name = row.substring(0, row.indexOf(','));
            statuses.put(name, Files.readString(folder.resolve(name).resolve(RunStatus.FILE)));
        }
        Result again = run("sweep", spec.toString(), "--runs-dir", runs.toString());
        assertEquals(0, again.code(), again.err());
        statuses.forEach((name, status) -> assertEquals(status, read(folder.resolve(name).resolve(RunStatus.FILE)), name + " was not retrained"));
        assertEquals(summary, Files.readAllLines(folder.resolve("summary.csv")), "same runs, same seeded bootstrap, same summary");

        // A raised budget extends a finished run: here the sweep narrowed to one run with 3,100 episodes.
        Files.writeString(spec, SPEC.replace("episodes: 3000", "episodes: 3100").replace("[0.1, 0.5]", "[0.1]").replace("seeds: 3", "seeds: [1]"));
        Result extended = run("sweep", spec.toString(), "--runs-dir", runs.toString());
        assertEquals(0, extended.code(), extended.err());
        Path first = folder.resolve("learningRate_0.1-seed_1");
        assertEquals(3101, Files.readAllLines(first.resolve("metrics.csv")).size());
        assertEquals(3100, RunStatus.read(first).orElseThrow().episodes());
        assertTrue(Files.readString(first.resolve("config.json")).contains("\"extensions\""), "config.json records the extension");
        assertEquals(statuses.get("learningRate_0.1-seed_2"), read(folder.resolve("learningRate_0.1-seed_2").resolve(RunStatus.FILE)),
                "runs the narrowed sweep leaves out are untouched");
    }

    @Test
    void badSpecsAndUnknownTrainersAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "trainer: no-such-trainer\nseeds: 2\n");
        Result unknown = run("sweep", spec.toString(), "--runs-dir", dir.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("jgym: unknown trainer 'no-such-trainer'"), unknown.err());
        Files.writeString(spec, "trainer: q-learning\nseeds: 2\ngrid: {learningRate: [2.0]}\n");
        Result refused = run("sweep", spec.toString(), "--runs-dir", dir.toString());
        assertTrue(refused.err().contains("run learningRate_2-seed_1 of the sweep: --learning-rate must be in (0, 1]"), refused.err());
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = JgymCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static double[] numbers(String csvLine, int from, int count) {
        String[] cells = csvLine.split(",");
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = Double.parseDouble(cells[from + i]);
        }
        return numbers;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds, failing after {@link #PATIENCE}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
