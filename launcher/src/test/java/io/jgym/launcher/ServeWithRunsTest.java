package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.client.RunsClient;
import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgym serve --allow-runs} as users start it, in its own JVM: the server process never starts
 * ND4J (its factory or native backend) while it lists trainers (DL4J ones included) and runs a
 * training in a child, and a
 * server killed -9 is replaced by a new one on the same runs folder that lists the same run and can
 * still stop it.
 */
class ServeWithRunsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    /** A {@code jgym serve} process, its output file and its URL. */
    private record Serve(Process process, String url) {
        static Serve start(Path runs, Path output, List<String> jvmOptions) throws Exception {
            ChildJvm like = ChildJvm.likeThisOne();
            List<String> options = new ArrayList<>(like.jvmOptions());
            options.addAll(jvmOptions);
            ChildJvm jvm = new ChildJvm(like.java(), options, like.classPath(), ChildJvm.JGYM_MAIN);
            Process process = new ProcessBuilder(jvm.command(List.of("serve", "--port", "0", "--allow-runs", "--runs-dir", runs.toString(),
                    "--data-root", runs.resolve(".monitor").toString()))).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            String[] port = new String[1];
            await(() -> {
                Matcher m = LISTENING.matcher(read(output));
                return m.find() && (port[0] = m.group(1)) != null || !process.isAlive();
            }, "the server listens");
            assertTrue(process.isAlive(), read(output));
            return new Serve(process, "http://127.0.0.1:" + port[0]);
        }
    }

    @Test
    void theServerNeverStartsNd4jWhileItListsTrainersAndRunsATrainingInAChild(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Serve serve = Serve.start(runs, dir.resolve("serve.log"), List.of("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log")));
        try {
            RunsClient client = new RunsClient(serve.url(), "");
            JsonNode trainers = client.trainers();
            assertTrue(trainers.toString().contains("\"name\":\"dqn\"") && trainers.toString().contains("\"name\":\"sine-gan\""),
                    "DL4J trainers are listed with their presets");
            String id = client.runCreate("q-learning", Map.of("episodes", 200));
            assertEquals("finished", client.runWait(id, PATIENCE).get("state").asText());
            String serverClasses = read(dir.resolve("classes-" + serve.process().pid() + ".log"));
            assertTrue(serverClasses.contains("io.jgym.server.runs.RunQueue"), "the server's own class log");
            // Reading config records by reflection may load a type or two of their method signatures (an
            // ND4J schedule interface); what must never happen is ND4J starting: its factory and native backend.
            for (String started : List.of("org.nd4j.linalg.factory.Nd4j ", "org.nd4j.linalg.cpu.", "org.bytedeco.", "org.nd4j.nativeblas.")) {
                assertTrue(!serverClasses.contains(started), "the server started ND4J: "
                        + serverClasses.lines().filter(l -> l.contains(started)).findFirst().orElse(""));
            }
        } finally {
            serve.process().destroy();
            serve.process().onExit().get();
        }
    }

    @Test
    void aServerKilledWithSignal9IsReplacedByOneThatListsAndStopsTheSameRun(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        String id = "outlives";
        Serve first = Serve.start(runs, dir.resolve("first.log"), List.of());
        try {
            RunsClient client = new RunsClient(first.url(), "");
            client.runCreate("q-learning", null, Map.of("episodes", 50_000_000), id, OptionalLong.empty());
            await(() -> client.runStatus(id).get("state").asText().equals("running"), "the run trains");
            first.process().destroyForcibly();
            first.process().onExit().get();

            Serve second = Serve.start(runs, dir.resolve("second.log"), List.of());
            try {
                RunsClient again = new RunsClient(second.url(), "");
                JsonNode listed = again.runList();
                assertEquals(1, listed.size(), listed.toString());
                assertEquals(id, listed.get(0).get("id").asText());
                if (listed.get(0).get("state").asText().equals("running")) {
                    again.runStop(id); // the child outlived its server: the new one stops it through its process id
                }
                JsonNode ended = again.runWait(id, PATIENCE);
                assertEquals("stopped", ended.get("state").asText(), ended.toString());
            } finally {
                second.process().destroy();
                second.process().onExit().get();
            }
        } finally {
            first.process().destroyForcibly();
            // A failed check must not leave the run's child training on (it outlives servers by design).
            RunStatus.read(runs.resolve(id)).filter(RunStatus::processAlive)
                    .flatMap(s -> ProcessHandle.of(s.pid())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
