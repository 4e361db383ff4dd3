package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python and R runs clients and their examples, run by real python3 and Rscript processes
 * against a real server whose runs are real {@code jgym train} children: the clients' own suites
 * (q-learning: create, metrics, stop, resume, files, delete, errors), the Python training example and
 * R training the sine-wave GAN (the one DL4J run) and drawing its generated waves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsClientsTest {
    private static final String R_PACKAGES = "r-base-core r-cran-httr r-cran-jsonlite r-cran-png";
    private RunsServer server;

    @BeforeAll
    void start() {
        server = new RunsServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pythonRunsClientSuitePasses() throws Exception {
        Script.requireInterpreter("python3", "python3");
        Script.Result r = Script.run(Map.of("JGYM_RUNS_SERVER", server.url()), "python3", "-m", "unittest", "discover", "-v",
                "-p", "test_runs.py", "-s", Script.clientsDir().resolve("python/tests").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Ran 4 tests") && r.output().contains("OK"), r.output());
    }

    @Test
    void rRunsClientChecksPass() throws Exception {
        Script.requireInterpreter("Rscript", R_PACKAGES);
        Script.Result r = Script.run(Map.of("JGYM_RUNS_SERVER", server.url()), "Rscript",
                Script.clientsDir().resolve("r/tests/test_runs.R").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("R runs client: all"), r.output());
    }

    @Test
    void pythonTrainsOnTheServerAndDrawsTheCurve(@TempDir Path out) throws Exception {
        // The example trains the DQN by default; the one DL4J run of this class is R's GAN, so this one trains q-learning.
        Script.requireInterpreter("python3", "python3");
        Script.Result r = Script.run(Map.of(), "python3", Script.clientsDir().resolve("python/examples/train_on_server.py").toString(),
                "--server", server.url(), "--trainer", "q-learning", "--set", "episodes=300", "--out", out.resolve("curve").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("started run q-learning-") && r.output().contains("episodes: 300, mean return of the last 20"),
                r.output());
        assertTrue(Files.exists(out.resolve("curve.png")) || Files.readAllLines(out.resolve("curve.csv")).size() == 301,
                "a picture with matplotlib, else the rows as CSV: " + r.output());
    }

    @Test
    void rTrainsTheSineGanOnTheServerAndPlotsItsWaves(@TempDir Path out) throws Exception {
        Script.requireInterpreter("Rscript", R_PACKAGES);
        Path picture = out.resolve("sine-gan.png");
        Script.Result r = Script.run(Map.of(), "Rscript", Script.clientsDir().resolve("r/examples/sine_gan_on_server.R").toString(),
                server.url(), "1", picture.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("epochs: 1, final MMD") && r.output().contains("generated waves: snapshots/"), r.output());
        assertTrue(Files.size(picture) > 10_000, "the plot was written");
    }
}
