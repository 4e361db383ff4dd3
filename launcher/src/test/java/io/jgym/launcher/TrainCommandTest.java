package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train dqn}, {@code eval} and {@code play} end to end through the command line, on tiny runs. */
class TrainCommandTest {

    private static CommandLineTest.Run train(Path runs, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "dqn", "--runs-dir", runs.toString(),
                "--progress-seconds", "0"));
        args.addAll(List.of(extra));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void aRunWritesItsFolderResumesAndEvaluates(@TempDir Path runs) throws IOException {
        CommandLineTest.Run first = train(runs, "--name", "tiny", "--max-steps", "1500", "--learning-starts", "200",
                "--hidden-layers", "16", "--checkpoint-every", "10", "--epsilon-schedule", "linear");
        assertEquals(0, first.exitCode(), first.err());
        Path folder = runs.resolve("tiny");
        for (String file : List.of("config.json", "metrics.csv", "learning-curve.png", "report.html")) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(folder.resolve("config.json")).contains("\"hiddenLayers\" : [ 16 ]"));
        List<String> rows = Files.readAllLines(folder.resolve("metrics.csv"));
        assertTrue(rows.get(0).startsWith("episode,total_steps,"), rows.get(0));
        assertTrue(rows.size() > 20, "one row per episode");

        CommandLineTest.Run again = train(runs, "--name", "tiny");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already holds a run; pass --resume"), again.err());

        CommandLineTest.Run mixed = train(runs, "--name", "tiny", "--resume", "--gamma", "0.5");
        assertEquals(1, mixed.exitCode());
        assertTrue(mixed.err().contains("leave out --gamma"), mixed.err());

        CommandLineTest.Run resumed = train(runs, "--name", "tiny", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(rows, Files.readAllLines(folder.resolve("metrics.csv")), "a finished run resumes to the same history");

        CommandLineTest.Run eval = CommandLineTest.run("eval", "--run", folder.toString(), "--episodes", "3");
        assertEquals(0, eval.exitCode(), eval.err());

        Path gif = runs.resolve("play.gif");
        CommandLineTest.Run play = CommandLineTest.run("play", "--run", folder.toString(), "--gif", gif.toString());
        assertEquals(0, play.exitCode(), play.err());
        assertTrue(Files.size(gif) > 1000);
    }

    @Test
    void badEnvironmentsAndServersAreExplained(@TempDir Path runs) {
        CommandLineTest.Run continuous = train(runs, "--env", "Pendulum-v1", "--name", "p");
        assertEquals(1, continuous.exitCode());
        assertTrue(continuous.err().contains("DQN needs a Discrete action space"), continuous.err());

        CommandLineTest.Run unknown = train(runs, "--env", "NoSuchEnv-v0", "--name", "u");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("NoSuchEnv-v0"), unknown.err());

        CommandLineTest.Run unreachable = train(runs, "--server", "http://127.0.0.1:1", "--name", "s");
        assertEquals(1, unreachable.exitCode());
        assertTrue(unreachable.err().contains("could not create CartPole-v1 on the gym server at http://127.0.0.1:1"),
                unreachable.err());

        CommandLineTest.Run badPreset = train(runs, "--preset", "fast", "--name", "f");
        assertEquals(1, badPreset.exitCode());
        assertTrue(badPreset.err().contains("unknown preset 'fast'; choose default or course"), badPreset.err());

        CommandLineTest.Run noRun = CommandLineTest.run("eval", "--run", runs.resolve("missing").toString());
        assertEquals(1, noRun.exitCode());
        assertTrue(noRun.err().contains("no run at " + runs.resolve("missing")), noRun.err());

        CommandLineTest.Run noData = CommandLineTest.run("train", "dense-gan", "--data", runs.resolve("nodata").toString(),
                "--runs-dir", runs.toString());
        assertEquals(1, noData.exitCode());
        assertTrue(noData.err().contains("apt-get install dataset-fashion-mnist"), noData.err());

        CommandLineTest.Run noModel = CommandLineTest.run("eval", "--model", runs.resolve("none.zip").toString());
        assertEquals(1, noModel.exitCode());
        assertTrue(noModel.err().contains("no model at"), noModel.err());
    }
}
