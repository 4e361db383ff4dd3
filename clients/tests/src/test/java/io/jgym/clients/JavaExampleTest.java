package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java example programs, launched as a user would (single-file source) against a live server. */
class JavaExampleTest {

    @Test
    void qLearningExampleBeatsARandomPolicyOnFrozenLake() throws Exception {
        try (LiveServer server = new LiveServer()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Script.Result r = Script.run(server.url(), java, "-cp", System.getProperty("java.class.path"),
                    Script.clientsDir().resolve("java/examples/FrozenLakeQLearning.java").toString(), server.url(), "1500", "0");
            assertEquals(0, r.exitCode(), r.output());
            Matcher m = Pattern.compile("greedy success rate: ([0-9.]+)").matcher(r.output());
            assertTrue(m.find(), r.output());
            assertTrue(Double.parseDouble(m.group(1)) > 0.3, "a random policy succeeds about 1.5% of the time: " + r.output());
        }
    }

    @Test
    void dqnExampleTrainsCartPoleOverHttp() throws Exception {
        try (LiveServer server = new LiveServer()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // ./jgym's collector settings: the example trains with DL4J, and a smaller young generation makes ND4J's native crash likelier.
            Script.Result r = Script.run(server.url(), java, "-XX:+UseParallelGC", "-Xmn256m", "-cp",
                    System.getProperty("java.class.path"),
                    Script.clientsDir().resolve("java/examples/RemoteCartPoleDqn.java").toString(), server.url(), "8000", "1");
            assertEquals(0, r.exitCode(), r.output());
            Matcher m = Pattern.compile("greedy mean return: ([0-9.]+)").matcher(r.output());
            assertTrue(m.find(), r.output());
            assertTrue(Double.parseDouble(m.group(1)) > 60, "a random policy averages about 22: " + r.output());
        }
    }
}
