package io.jgym.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run stands, kept in its folder as {@code status.json} so that the folder stays the truth
 * for every reader: the engine writes {@code running} when training starts and the outcome when it
 * ends (for runs started from the command line, the HTTP server or a sweep alike); whoever launches
 * a run in a child process writes {@code queued} before it starts and {@code failed} when the child
 * dies without recording an outcome. {@link #read} reports a {@code running} run whose process has
 * gone as failed, so a restarted server or sweep sees crashed and killed runs for what they are.
 *
 * @param state    queued, running, finished, stopped (can be resumed) or failed
 * @param pid      the training process, 0 when none has started
 * @param host     the machine that process runs on (a pid means nothing elsewhere)
 * @param started  when the state was entered (queued) or training started
 * @param ended    when training ended; null while queued or running
 * @param episodes episodes (epochs) done when it ended, all sessions included; 0 when unknown
 * @param message  why it failed, or another line for the reader; empty when there is nothing to say
 */
public record RunStatus(State state, long pid, String host, Instant started, Instant ended, long episodes, String message) {
    /** The message of a finished run that ended by the trainer's own rule (solved) before its budget. */
    public static final String STOPPED_EARLY = "stopped early by the trainer's own rule";
    /** The file in the run folder. */
    public static final String FILE = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HOST = hostName();

    /** A run's state; written in lower case. */
    public enum State {
        QUEUED, RUNNING, FINISHED, STOPPED, FAILED;

        /** Whether a run in this state may still change without anyone resuming it. */
        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public RunStatus {
        message = message == null ? "" : message;
    }

    /** A run waiting for a process to train it, as of now. */
    public static RunStatus queued() {
        return new RunStatus(State.QUEUED, 0, HOST, Instant.now(), null, 0, "");
    }

    /** A run this process starts training now. */
    public static RunStatus runningHere() {
        return new RunStatus(State.RUNNING, ProcessHandle.current().pid(), HOST, Instant.now(), null, 0, "");
    }

    /** This run ended now in {@code outcome} after {@code episodesDone} episodes. */
    public RunStatus ended(State outcome, long episodesDone, String why) {
        return new RunStatus(outcome, pid, host, started, Instant.now(), episodesDone, why);
    }

    /** Writes this status into {@code runFolder} (atomically: readers see the old or the new). */
    public void write(Path runFolder) {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", state.toString());
        node.put("pid", pid);
        node.put("host", host);
        node.put("started", started.toString());
        node.put("ended", ended == null ? null : ended.toString());
        node.put("episodes", episodes);
        node.put("message", message);
        try {
            Files.createDirectories(runFolder);
            AtomicFiles.writeString(runFolder.resolve(FILE), JSON.writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + runFolder.resolve(FILE), e);
        }
    }

    /**
     * The status in {@code runFolder} as it stands: what the file says, except that a run recorded as
     * running on this machine whose process has ended is reported failed. Empty when the folder has
     * no {@code status.json} (a run from before statuses existed, or a folder that is no run).
     *
     * @throws IllegalStateException if the file is there but unreadable
     */
    public static Optional<RunStatus> read(Path runFolder) {
        return recorded(runFolder).map(RunStatus::observed);
    }

    /**
     * The status in {@code runFolder} exactly as written, for the process that launched the run and
     * settles its outcome; empty when there is none.
     *
     * @throws IllegalStateException if the file is there but unreadable
     */
    public static Optional<RunStatus> recorded(Path runFolder) {
        Path file = runFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunStatus recorded;
        try {
            JsonNode node = JSON.readTree(file.toFile());
            recorded = new RunStatus(State.parse(node.path("state").asText()), node.path("pid").asLong(), node.path("host").asText(),
                    Instant.parse(node.path("started").asText()),
                    node.path("ended").isTextual() ? Instant.parse(node.path("ended").asText()) : null,
                    node.path("episodes").asLong(), node.path("message").asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + FILE + " in run " + runFolder.getFileName() + ": " + e.getMessage(), e);
        }
        return Optional.of(recorded);
    }

    /** Whether the process this status names is alive on this machine (false for another machine's). */
    public boolean processAlive() {
        if (pid <= 0 || !HOST.equals(host)) {
            return false;
        }
        // A pid can be reused: a process started after the run started is not the run's.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(s -> !s.isAfter(started)).orElse(true)).isPresent();
    }

    private RunStatus observed() {
        if (state == State.RUNNING && HOST.equals(host) && !processAlive()) {
            return ended(State.FAILED, episodes, "process " + pid + " ended without recording an outcome (killed or crashed)");
        }
        return this;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
