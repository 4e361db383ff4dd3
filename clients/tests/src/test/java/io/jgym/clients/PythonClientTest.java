package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python clients' own test suites and example programs, run by a real python3 against a real
 * server: the gym client, and the vector client ({@code jgym_vector.py}) in both of its modes. The
 * discovered suite runs the vector client with numpy (binary encoding, numpy arrays) and replays
 * Gymnasium's vector fixtures exactly; it runs again here with numpy hidden (JSON and lists), and
 * CI must have numpy for the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonClientTest {
    private LiveServer server;

    @BeforeAll
    void start() {
        Script.requireInterpreter("python3", "python3");
        server = new LiveServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientTestSuitePasses() throws Exception {
        Script.Result r = Script.run(server.url(), "python3", "-m", "unittest", "discover", "-v",
                "-s", Script.clientsDir().resolve("python/tests").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }

    @Test
    void theTokenIsSentToAServerThatRequiresOne() throws Exception {
        String token = "python-test-token";
        try (LiveServer guarded = new LiveServer(token)) {
            Script.Result r = Script.run(Map.of("JGYM_TOKEN_SERVER", guarded.url(), "JGYM_TEST_TOKEN", token),
                    "python3", "-m", "unittest", "discover", "-v", "-p", "test_token.py",
                    "-s", Script.clientsDir().resolve("python/tests").toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Ran 3 tests") && r.output().contains("OK"), r.output());
        }
    }

    @Test
    void randomAgentExampleRuns() throws Exception {
        Script.Result r = Script.run(server.url(), "python3", Script.clientsDir().resolve("python/examples/random_agent.py").toString(),
                "--server", server.url(), "--episodes", "5");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("mean return over 5 episodes"), r.output());
    }

    @Test
    void qLearningExampleBeatsARandomPolicyOnFrozenLake() throws Exception {
        Script.Result r = Script.run(server.url(), "python3",
                Script.clientsDir().resolve("python/examples/frozenlake_q_learning.py").toString(),
                "--server", server.url(), "--episodes", "1500", "--eval-episodes", "100", "--seed", "0");
        assertEquals(0, r.exitCode(), r.output());
        Matcher m = Pattern.compile("greedy success rate: ([0-9.]+)").matcher(r.output());
        assertTrue(m.find(), r.output());
        assertTrue(Double.parseDouble(m.group(1)) > 0.3, "a random policy succeeds about 1.5% of the time: " + r.output());
    }

    @Test
    void numpyIsThereForTheBinaryEncoding() throws Exception {
        Script.Result r = Script.run(server.url(), "python3", "-c", "import numpy");
        String message = "python3 has no numpy, so the binary vector client is untested; install it with: apt-get install python3-numpy";
        if (System.getenv("CI") != null) {
            assertEquals(0, r.exitCode(), message + "\n" + r.output());
        }
        Assumptions.assumeTrue(r.exitCode() == 0, message);
    }

    @Test
    void withoutNumpyTheClientUsesJsonAndListsAndStillMatchesGymnasium(@TempDir Path dir) throws Exception {
        Path hidden = Files.createDirectories(dir.resolve("numpy"));
        Files.writeString(hidden.resolve("__init__.py"), "raise ImportError('numpy is hidden for this test')\n");
        Script.Result r = Script.run(Map.of("JGYM_SERVER", server.url(), "PYTHONPATH", dir.toString()), "python3", "-m", "unittest",
                "discover", "-v", "-p", "test_vector.py", "-s", Script.clientsDir().resolve("python/tests").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Ran 3 tests") && r.output().contains("OK"), r.output());
    }
}
