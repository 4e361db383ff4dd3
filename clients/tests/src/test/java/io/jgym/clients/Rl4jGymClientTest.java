package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's claim that RL4J's gym-java-client works unchanged: release 1.0.0-beta6 from Maven
 * Central creates a CartPole instance on a live jgym server, reads both spaces, starts a monitor,
 * runs a whole episode, closes the monitor and the instance. It runs in its own JVM (see the
 * module's pom) with the client's jars ahead of ND4J from this module's class path.
 */
class Rl4jGymClientTest {

    @Test
    void rl4jsReleasedClientRunsAnEpisodeUnchanged() throws Exception {
        Path jars = Path.of(System.getProperty("jgym.gym-java-client.dir"));
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(jars)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classPath.add(p.toString()));
        }
        assertTrue(classPath.stream().anyMatch(p -> p.contains("gym-java-client-1.0.0-beta6")), "jars in " + jars + ": " + classPath);
        classPath.add(System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path driver = Script.clientsDir().resolve("tests/src/test/rl4j/Rl4jGymClientDriver.java");

        try (LiveServer server = new LiveServer()) {
            Script.Result r = Script.run(server.url(), java, "-cp", String.join(File.pathSeparator, classPath),
                    driver.toString(), server.url());
            String out = r.output();
            assertEquals(0, r.exitCode(), out);
            assertTrue(out.contains("listed true"), out);
            assertTrue(out.contains("actions 2"), out);
            assertTrue(out.contains("observation shape [4]"), out);
            assertTrue(out.contains("reset length 4"), out);
            Matcher episode = Pattern.compile("episode steps (\\d+) return ([0-9.]+) done true").matcher(out);
            assertTrue(episode.find(), out);
            assertEquals(Double.parseDouble(episode.group(1)), Double.parseDouble(episode.group(2)), "CartPole pays 1 per step");
            assertTrue(out.contains("closed listed false"), out);
            List<String> monitorFiles = server.monitorFiles("rl4j-run");
            assertTrue(monitorFiles.stream().anyMatch(n -> n.endsWith(".stats.json"))
                    && monitorFiles.stream().anyMatch(n -> n.endsWith(".manifest.json")), monitorFiles.toString());
        }
    }
}
