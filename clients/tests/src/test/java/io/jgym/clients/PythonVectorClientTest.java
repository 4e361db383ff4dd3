package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python vector client ({@code clients/python/jgym_vector.py}) in both of its modes, by a real
 * python3 against a real server. Its test file replays Gymnasium's vector fixtures exactly;
 * PythonClientTest's discovery runs it with numpy (binary encoding, numpy arrays), and this class
 * runs it again with numpy hidden (JSON and lists), and checks CI has numpy for the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonVectorClientTest {
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
