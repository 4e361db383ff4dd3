package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train conv-vae-rgb} and {@code train dcgan-rgb} end to end on a few generated shapes, killed and resumed. */
class ColourTrainersCommandTest {
    private static final String[] TINY_DATA = {"--shapes", "80", "--image-size", "16", "--progress-seconds", "0"};

    private static CommandLineTest.Run run(Path runs, String trainer, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", trainer, "--runs-dir", runs.toString(), "--name", "r"));
        args.addAll(List.of(extra));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void anInterruptedColourVaeRunResumesFromItsLastCheckpoint(@TempDir Path runs) throws IOException {
        List<String> flags = new java.util.ArrayList<>(List.of(TINY_DATA));
        flags.addAll(List.of("--filters", "4,8", "--dense-width", "8", "--latent-size", "2", "--batch-size", "16",
                "--epochs", "2", "--eval-images", "8"));
        CommandLineTest.Run first = run(runs, "conv-vae-rgb", flags.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        Path folder = runs.resolve("r");
        List<String> rows = Files.readAllLines(folder.resolve("metrics.csv"));
        assertEquals(3, rows.size(), "a header and one row per epoch");
        for (String file : List.of("samples.png", "reconstructions.png", "codes.png", "report.html", "checkpoints/episode-00000002/vae.sd")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }
        FileUtils.deleteDirectory(folder.resolve("checkpoints/episode-00000002").toFile()); // as if killed during the second epoch

        CommandLineTest.Run resumed = run(runs, "conv-vae-rgb", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(rows, Files.readAllLines(folder.resolve("metrics.csv")), "the second epoch is trained again, identically");
        assertTrue(Files.isRegularFile(folder.resolve("checkpoints/episode-00000002/vae.sd")));
    }

    @Test
    void aDcganRunOnGeneratedShapesWritesSamplesAndClassifierScoresAndResumes(@TempDir Path runs) throws IOException {
        List<String> flags = new java.util.ArrayList<>(List.of(TINY_DATA));
        flags.addAll(List.of("--generator-filters", "8,4", "--discriminator-filters", "4,8", "--latent-size", "8",
                "--batch-size", "16", "--epochs", "2"));
        CommandLineTest.Run r = run(runs, "dcgan-rgb", flags.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Path folder = runs.resolve("r");
        assertTrue(Files.isRegularFile(folder.resolve("samples/epoch-002.png")));
        List<String> rows = MetricsCsv.withoutColumn(Files.readAllLines(folder.resolve("metrics.csv")), "charts/epoch_seconds");
        assertTrue(rows.get(0).contains("quality/classes_covered") && rows.get(0).contains("quality/frechet_distance"), rows.get(0));

        CommandLineTest.Run changed = run(runs, "dcgan-rgb", "--resume", "--latent-size", "5");
        assertEquals(1, changed.exitCode());
        assertTrue(changed.err().contains("--resume continues with the run's saved settings; leave out --latent-size"), changed.err());
        CommandLineTest.Run otherTrainer = run(runs, "conv-vae-rgb", "--resume");
        assertEquals(1, otherTrainer.exitCode());
        assertTrue(otherTrainer.err().contains("holds a dcgan-rgb run; continue it with ./jgym train dcgan-rgb --resume"),
                otherTrainer.err());

        FileUtils.deleteDirectory(folder.resolve("checkpoints/episode-00000002").toFile()); // as if killed during the second epoch
        CommandLineTest.Run resumed = run(runs, "dcgan-rgb", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(rows, MetricsCsv.withoutColumn(Files.readAllLines(folder.resolve("metrics.csv")), "charts/epoch_seconds"),
                "the second epoch is trained again, identically");

        Path samples = runs.resolve("drawn");
        CommandLineTest.Run sample = CommandLineTest.run("sample", "--run", folder.toString(), "--n", "16", "--seed", "3",
                "--out", samples.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(Files.size(samples.resolve("samples-seed3.png")) > 100, sample.out());
        CommandLineTest.Run eval = CommandLineTest.run("eval", "--run", folder.toString());
        assertEquals(1, eval.exitCode());
        assertTrue(eval.err().contains("holds a dcgan-rgb run (generative); draw from it with ./jgym sample --run"), eval.err());
    }

    @Test
    void aMissingImageFolderIsExplained(@TempDir Path runs) {
        CommandLineTest.Run r = run(runs, "dcgan-rgb", "--data", runs.resolve("nothing-here").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no image folder at"), r.err());
    }
}
