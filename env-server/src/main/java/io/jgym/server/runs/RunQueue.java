package io.jgym.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.runs.RunStatus;
import io.jgym.runs.process.ChildJvm;
import io.jgym.runs.process.TrainProcess;
import io.jgym.server.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server's runs, each in its own child JVM ({@link TrainProcess}), at most
 * {@code maxConcurrentRuns} at a time; the others wait, in order, with the state {@code queued} in
 * their folder and the request in {@code request.json}, so a restarted server picks its queue up
 * again. A watchdog stops a run that trains longer than {@code maxRunTime} or whose folder grows
 * beyond {@code maxRunBytes} (SIGTERM: it checkpoints and can be resumed), kills one that does not
 * stop within {@link #KILL_AFTER}, and writes why into the run's status. On close the children are
 * asked to stop and given time to checkpoint.
 */
final class RunQueue implements AutoCloseable {
    /** The request a queued run was submitted with, in its folder. */
    static final String REQUEST_FILE = "request.json";
    /** How long a child asked to stop may take before it is killed. */
    static final Duration KILL_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WATCH_MILLIS = 1000;
    /** The reason of a stop a client asked for: the run's own status says it all, nothing is added. */
    private static final String ON_REQUEST = "";

    private final RunsConfig config;
    private final ChildJvm jvm;
    private final Deque<RunRequest> waiting = new ArrayDeque<>();
    private final Map<String, Child> children = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog;
    private boolean closed;

    /** A run training in a child process, and why it was asked to stop (null until it is). */
    private static final class Child {
        final TrainProcess process;
        final RunRequest request;
        final long startedNanos = System.nanoTime();
        String stopReason;
        long stopNanos;

        Child(TrainProcess process, RunRequest request) {
            this.process = process;
            this.request = request;
        }
    }

    RunQueue(RunsConfig config, ChildJvm jvm) {
        this.config = config;
        this.jvm = jvm;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jgym-runs-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Queues the runs an earlier server left queued (status {@code queued}, no process, their request on disk). */
    synchronized void recover() {
        if (!Files.isDirectory(config.runsDir())) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> listed = Files.list(config.runsDir())) {
            folders = listed.filter(f -> Files.isRegularFile(f.resolve(REQUEST_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the runs folder", e);
        }
        for (Path folder : folders) {
            Optional<RunStatus> status = RunStatus.recorded(folder);
            if (status.isPresent() && status.get().state() == RunStatus.State.QUEUED && status.get().pid() == 0) {
                RunRequest request = readRequest(folder);
                if (request.resume() || !Files.exists(folder.resolve("config.json"))) {
                    LOG.info("Queued again: run {} that an earlier server had queued", request.name());
                    waiting.add(request);
                }
            }
        }
        pump();
    }

    /** Queues {@code request} and starts it when a slot is free. */
    synchronized void submit(RunRequest request) {
        if (closed) {
            throw new ApiException(503, "The server is stopping; no new runs start");
        }
        if (owns(request.name())) {
            throw ApiException.badRequest("The run '" + request.name() + "' is queued or running already");
        }
        Path folder = config.runsDir().resolve(request.name());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of run " + request.name(), e);
        }
        AtomicFiles.writeString(folder.resolve(REQUEST_FILE), writeRequest(request));
        RunStatus.queued().write(folder);
        waiting.add(request);
        pump();
    }

    /** Whether the run is waiting here or training in one of this server's children. */
    synchronized boolean owns(String id) {
        return children.containsKey(id) || waiting.stream().anyMatch(r -> r.name().equals(id));
    }

    /** The request of a run this server queued or started, for views of runs whose folder has no config yet. */
    synchronized Optional<RunRequest> request(String id) {
        Child child = children.get(id);
        return child != null ? Optional.of(child.request) : waiting.stream().filter(r -> r.name().equals(id)).findFirst();
    }

    /**
     * Whether a child of this server trains the run {@code id} or has not yet been settled after it
     * ended. A run's end is shown only once its child has exited and been settled: the child records
     * its outcome before it has finished writing its last files (the learning curve, the report),
     * and the server adds why it stopped a run only after the exit.
     */
    synchronized boolean training(String id) {
        return children.containsKey(id);
    }

    /** Runs waiting for a slot, in order. */
    synchronized List<String> waiting() {
        return waiting.stream().map(RunRequest::name).toList();
    }

    /**
     * Stops the run {@code id}: a waiting run leaves the queue; a running one is asked to checkpoint
     * and end (also one started by an earlier server on this machine, through its process id).
     *
     * @throws ApiException 400 if the run is not queued or running
     */
    synchronized void stop(String id, Path folder) {
        for (RunRequest request : waiting) {
            if (request.name().equals(id)) {
                waiting.remove(request);
                RunStatus queued = RunStatus.recorded(folder).orElseGet(RunStatus::queued);
                queued.ended(RunStatus.State.STOPPED, queued.episodes(), "stopped before it started").write(folder);
                return;
            }
        }
        Child child = children.get(id);
        if (child != null) {
            stop(child, ON_REQUEST);
            return;
        }
        RunStatus status = RunStatus.read(folder).orElse(null);
        if (status != null && status.state() == RunStatus.State.RUNNING && status.processAlive()) {
            ProcessHandle.of(status.pid()).ifPresent(ProcessHandle::destroy);
            return;
        }
        throw ApiException.badRequest("The run '" + id + "' is not running (it is " + (status == null ? "finished" : status.state())
                + "); only queued and running runs can be stopped");
    }

    private void stop(Child child, String reason) {
        if (child.stopReason == null) {
            child.stopReason = reason;
            child.stopNanos = System.nanoTime();
            child.process.stop();
        }
    }

    private synchronized void pump() {
        while (!closed && children.size() < config.maxConcurrentRuns() && !waiting.isEmpty()) {
            start(waiting.poll());
        }
    }

    private void start(RunRequest request) {
        Path folder = config.runsDir().resolve(request.name());
        TrainProcess process;
        try {
            process = TrainProcess.start(jvm, request.trainer(), request.spec(config.runsDir()));
        } catch (RuntimeException e) {
            LOG.error("Could not start run {}", request.name(), e);
            RunStatus.queued().ended(RunStatus.State.FAILED, 0, "the server could not start its process: " + e.getMessage()).write(folder);
            return;
        }
        Child child = new Child(process, request);
        children.put(request.name(), child);
        LOG.info("Run {} started: {} in process {}", request.name(), request.trainer(), process.pid());
        process.onExit().whenComplete((status, error) -> ended(request.name(), child, status, error));
    }

    /** Settles a child's exit: adds why the server stopped it to its status, then lets it go (so views show the end only now). */
    private void ended(String id, Child child, RunStatus status, Throwable error) {
        if (error != null) {
            LOG.error("Could not settle the outcome of run {}", id, error);
        } else if (child.stopReason != null && status.state() == RunStatus.State.FAILED && status.message().startsWith("exit code 143")) {
            // SIGTERM came before the child could take it as a stop request: it had not begun training
            status.ended(RunStatus.State.STOPPED, status.episodes(), child.stopReason.equals(ON_REQUEST)
                    ? "stopped before training began" : child.stopReason).write(child.process.folder());
        } else if (child.stopReason != null && !child.stopReason.equals(ON_REQUEST)) {
            new RunStatus(status.state(), status.pid(), status.host(), status.started(), status.ended(), status.episodes(),
                    child.stopReason).write(child.process.folder());
        }
        synchronized (this) {
            children.remove(id, child);
            notifyAll();
        }
        LOG.info("Run {} ended: {}", id, status == null ? "unknown" : status.state());
        pump();
    }

    /** The watchdog: enforces the wall-time and disk limits and kills children that ignore a stop. */
    private void watch() {
        try {
            List<Child> running;
            synchronized (this) {
                running = new ArrayList<>(children.values());
            }
            for (Child child : running) {
                long now = System.nanoTime();
                synchronized (this) {
                    if (child.stopReason != null) {
                        if (now - child.stopNanos > KILL_AFTER.toNanos() && child.process.alive()) {
                            LOG.warn("Run {} did not stop within {}; killing it", child.process.folder().getFileName(), KILL_AFTER);
                            child.process.kill();
                        }
                    } else if (endedLongAgo(child)) {
                        LOG.warn("Run {} recorded its end {} ago but its process is still there; killing it",
                                child.process.folder().getFileName(), KILL_AFTER);
                        child.process.kill();
                    } else if (now - child.startedNanos > config.maxRunTime().toNanos()) {
                        stop(child, "stopped by the server: it trained longer than --max-run-time " + config.maxRunTime());
                    }
                }
                if (child.stopReason == null && RunFiles.bytes(child.process.folder()) > config.maxRunBytes()) {
                    synchronized (this) {
                        stop(child, "stopped by the server: its folder grew beyond --max-run-bytes " + config.maxRunBytes());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The runs watchdog failed; it tries again in {} ms", WATCH_MILLIS, e);
        }
    }

    /** Whether the child recorded its outcome more than {@link #KILL_AFTER} ago (a JVM that hangs on exit). */
    private static boolean endedLongAgo(Child child) {
        return RunStatus.recorded(child.process.folder())
                .filter(s -> !s.state().active() && s.ended() != null)
                .map(s -> s.ended().plus(KILL_AFTER).isBefore(java.time.Instant.now())).orElse(false);
    }

    /** Stops taking runs, asks every child to stop, and waits (up to {@link #KILL_AFTER}) for them to checkpoint and end. */
    @Override
    public void close() {
        List<CompletableFuture<RunStatus>> exits = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Child child : children.values()) {
                stop(child, ON_REQUEST);
                exits.add(child.process.onExit());
            }
        }
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Runs still training after {}; killing them", KILL_AFTER);
            synchronized (this) {
                children.values().forEach(c -> c.process.kill());
            }
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static String writeRequest(RunRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trainer", request.trainer());
        map.put("preset", request.preset().orElse(null));
        map.put("config", request.settings());
        map.put("name", request.name());
        map.put("resume", request.resume());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static RunRequest readRequest(Path folder) {
        try {
            JsonNode node = JSON.readTree(folder.resolve(REQUEST_FILE).toFile());
            return new RunRequest(node.path("trainer").asText(),
                    node.path("preset").isTextual() ? Optional.of(node.path("preset").asText()) : Optional.empty(),
                    JSON.convertValue(node.path("config"), Map.class), node.path("name").asText(), node.path("resume").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request of run " + folder.getFileName(), e);
        }
    }
}
