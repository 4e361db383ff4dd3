package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through the command line, with a trainer from a plugin jar (the example Q-learning
 * plugin on the class path): listed, documented, trained, refused when asked wrongly, resumed and
 * extended, evaluated and benchmarked (stopped by a signal in a child process: {@link TrainProcessTest}).
 */
class TrainerPluginCommandTest {

    private static CommandLineTest.Run train(Path runs, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "q-learning", "--runs-dir", runs.toString(), "--progress-seconds", "0"));
        args.addAll(List.of(extra));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void aPluginTrainerIsListedAndItsHelpShowsItsSettingsWithThePresetDefaults() {
        CommandLineTest.Run list = CommandLineTest.run("trainers");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("q-learning") && l.contains("agent") && l.contains("default")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("sine-gan") && l.contains("generative")), list.out());

        CommandLineTest.Run help = CommandLineTest.run("train", "q-learning", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--episodes=<episodes>") && help.out().contains("Episodes to train. (default: 5000)"), help.out());
        assertTrue(help.out().contains("--learning-rate") && help.out().contains("(default: 0.1)"), help.out());
    }

    @Test
    void badSettingsAreRefusedWithTheirFlag(@TempDir Path runs) {
        CommandLineTest.Run zero = train(runs, "--episodes", "0");
        assertEquals(1, zero.exitCode());
        assertTrue(zero.err().contains("--episodes must be positive, got 0"), zero.err());
        CommandLineTest.Run word = train(runs, "--episodes", "many");
        assertEquals(2, word.exitCode());
        assertTrue(word.err().contains("--episodes"), word.err());
        CommandLineTest.Run outside = train(runs, "--name", "../../escaped");
        assertEquals(1, outside.exitCode());
        assertTrue(outside.err().contains("--name must be a plain folder name"), outside.err());
        assertTrue(Files.notExists(runs.resolve("../../escaped")));
        CommandLineTest.Run preset = train(runs, "--preset", "fast");
        assertEquals(1, preset.exitCode());
        assertTrue(preset.err().contains("unknown preset 'fast'; choose default"), preset.err());
        CommandLineTest.Run printed = train(runs, "--print-config", "--gamma", "0.5");
        assertEquals(0, printed.exitCode(), printed.err());
        assertTrue(printed.out().contains("\"gamma\" : 0.5") && printed.out().contains("\"episodes\" : 5000"), printed.out());
    }

    @Test
    void aRunTrainsExtendsEvaluatesAndIsRefusedWhereItDoesNotFit(@TempDir Path runs) throws IOException {
        CommandLineTest.Run first = train(runs, "--name", "lake", "--episodes", "300", "--checkpoint-every", "100");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("results in " + runs.resolve("lake")), first.out());
        Path folder = runs.resolve("lake");
        assertEquals(301, Files.readAllLines(folder.resolve("metrics.csv")).size());
        assertTrue(Files.isRegularFile(folder.resolve("checkpoints/episode-00000300/checkpoint.json")));

        CommandLineTest.Run changed = train(runs, "--name", "lake", "--resume", "--gamma", "0.5");
        assertEquals(1, changed.exitCode());
        assertTrue(changed.err().contains("leave out --gamma (only --episodes may be raised, to extend the run)"), changed.err());
        CommandLineTest.Run shrunk = train(runs, "--name", "lake", "--resume", "--episodes", "200");
        assertEquals(1, shrunk.exitCode());
        assertTrue(shrunk.err().contains("--episodes can only grow when resuming: the run has 300, got 200"), shrunk.err());

        CommandLineTest.Run extended = train(runs, "--name", "lake", "--resume", "--episodes", "400");
        assertEquals(0, extended.exitCode(), extended.err());
        assertEquals(401, Files.readAllLines(folder.resolve("metrics.csv")).size(), "the extended run adds its episodes");
        assertTrue(Files.readString(folder.resolve("config.json")).contains("\"episodes\" : 400"));

        CommandLineTest.Run eval = CommandLineTest.run("eval", "--run", folder.toString(), "--episodes", "20");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("20 greedy episodes, mean return"), eval.out());
        CommandLineTest.Run byCheckpoint = CommandLineTest.run("eval", "--model",
                folder.resolve("checkpoints/episode-00000400/q-table.csv").toString(), "--episodes", "5");
        assertEquals(0, byCheckpoint.exitCode(), byCheckpoint.err());

        CommandLineTest.Run sample = CommandLineTest.run("sample", "--run", folder.toString());
        assertEquals(1, sample.exitCode());
        assertTrue(sample.err().contains("holds a q-learning run (agent); evaluate it with ./jgym eval --run"), sample.err());
    }

    @Test
    void aBenchmarkPrintsARowPerSeedMediansAndInterquartileMeans(@TempDir Path runs) {
        CommandLineTest.Run bench = CommandLineTest.run("bench", "q-learning", "--seeds", "2", "--episodes", "50",
                "--final-episodes", "20", "--runs-dir", runs.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        List<String> lines = bench.out().lines().toList();
        assertTrue(lines.get(0).startsWith("| seed | outcome | episodes | steps | wall s | return (final) | return (best) |"), lines.get(0));
        assertTrue(lines.get(0).endsWith("| final policy, mean of 20 | best policy, mean of 20 |"),
                "agents are also judged by the policy they end with and by the best one they kept");
        for (int i = 2; i <= 5; i++) {
            assertEquals(cells(lines.get(0)), cells(lines.get(i)), "one cell per column: " + lines.get(i));
        }
        assertTrue(lines.get(0).contains("| \\|TD\\| (final) |"), "a pipe in a metric's label is escaped: " + lines.get(0));
        assertTrue(lines.get(2).startsWith("| 1 | finished | 50 |"), lines.get(2));
        assertTrue(lines.get(3).startsWith("| 2 | finished | 50 |"), lines.get(3));
        assertTrue(lines.get(4).startsWith("| **median** | 2/2 done | 50 |"), lines.get(4));
        assertTrue(lines.get(5).startsWith("| **IQM [95% CI]** |  | 50 [50, 50] |"), lines.get(5));
        // Each seed ran as a sweep run in its own JVM, into an ordinary run folder beside the sweep's report.
        try (var sweeps = java.nio.file.Files.list(runs)) {
            Path sweep = sweeps.filter(p -> p.getFileName().toString().startsWith("bench-q-learning-")).findFirst().orElseThrow();
            assertTrue(java.nio.file.Files.isRegularFile(sweep.resolve("base-seed_2/metrics.csv")));
            assertTrue(java.nio.file.Files.isRegularFile(sweep.resolve("report.html")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Cells of a Markdown table row: pipes not escaped with a backslash, less the outer two. */
    private static int cells(String row) {
        return row.split("(?<!\\\\)\\|", -1).length - 2;
    }
}
