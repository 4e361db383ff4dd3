package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a real interpreter (python3, Rscript) on a client script and collects its exit code and
 * output. When the interpreter is missing the test is skipped on a developer machine but fails
 * under CI (environment variable CI set), because CI is expected to have installed it.
 */
final class Script {
    private static final long TIMEOUT_MINUTES = 5;

    /** What the process did. */
    record Result(int exitCode, String output) {
    }

    private Script() {
    }

    /** The clients folder of the repository. */
    static Path clientsDir() {
        return Path.of(System.getProperty("jgym.clients.dir")).toAbsolutePath().normalize();
    }

    static void requireInterpreter(String interpreter, String debianPackages) {
        boolean present;
        try {
            present = new ProcessBuilder(interpreter, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String message = interpreter + " is not installed; install it with: apt-get install " + debianPackages;
        if (!present && System.getenv("CI") != null) {
            fail(message + " (CI requires the client tests)");
        }
        Assumptions.assumeTrue(present, message);
    }

    /** Runs {@code command} with JGYM_SERVER set to {@code serverUrl}. */
    static Result run(String serverUrl, String... command) throws IOException, InterruptedException {
        return run(Map.of("JGYM_SERVER", serverUrl), command);
    }

    /** Runs {@code command} with {@code environment} added to this process's (JGYM_TOKEN removed, so tests set it themselves). */
    static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().remove("JGYM_TOKEN");
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(could not read output: " + e + ")";
            }
        });
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        return new Result(process.exitValue(), output.join());
    }
}
