package io.jgym.server.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.TrainProcess;
import io.jgym.server.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs folder as the runs routes show it: every folder holding a run ({@code config.json} or
 * {@code status.json}), whoever started it, described from its files alone: state (from
 * {@code status.json}, a dead process seen as failed), trainer, preset and seed, progress and the
 * last metrics row, and for one run also its config, metric columns, files and, when it failed, the
 * end of its log. Nothing is cached, so what it says is what is on disk now.
 */
final class RunCatalog {
    /** Lines of a failed run's log its view carries. */
    static final int LOG_LINES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS = "metrics.csv";

    private final Path runsDir;
    private final TrainerRegistry registry;
    private final RunQueue queue;

    /** @param queue what this server is starting: the requests of runs still waiting, and why it stopped a run */
    RunCatalog(Path runsDir, TrainerRegistry registry, RunQueue queue) {
        this.runsDir = runsDir;
        this.registry = registry;
        this.queue = queue;
    }

    Path runsDir() {
        return runsDir;
    }

    /** The ids of every run, newest first. */
    List<String> ids() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(runsDir)) {
            return folders.filter(RunCatalog::holdsRun)
                    .sorted(Comparator.comparingLong(RunCatalog::createdMillis).reversed().thenComparing(Path::getFileName))
                    .map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the runs folder", e);
        }
    }

    private static boolean holdsRun(Path folder) {
        String name = folder.getFileName().toString();
        return !name.startsWith(".") && (Files.isRegularFile(folder.resolve(RunFolder.CONFIG_FILE))
                || Files.isRegularFile(folder.resolve(RunStatus.FILE)));
    }

    private static long createdMillis(Path folder) {
        try {
            return Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class).creationTime().toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The folder of the run {@code id}.
     *
     * @throws ApiException 400 for an id that is no run here
     */
    Path folder(String id) {
        RunRequest.checkName(id);
        Path folder = runsDir.resolve(id);
        if (!holdsRun(folder)) {
            throw ApiException.badRequest("No run '" + id + "'; GET /v1/runs/ lists the runs");
        }
        return folder;
    }

    /**
     * The run's status as the folder says, except that a run this server's child has recorded as
     * ended still shows running until the child has exited and been settled ({@link RunQueue#training});
     * a folder from before statuses existed counts as finished.
     */
    RunStatus status(Path folder) {
        RunStatus status = recorded(folder);
        if (!status.state().active() && queue.training(folder.getFileName().toString())) {
            return new RunStatus(RunStatus.State.RUNNING, status.pid(), status.host(), status.started(), null, status.episodes(), "");
        }
        return status;
    }

    private static RunStatus recorded(Path folder) {
        return RunStatus.read(folder).orElseGet(() -> new RunStatus(RunStatus.State.FINISHED, 0, "", modified(folder), modified(folder), 0,
                "a run from before run statuses were recorded"));
    }

    private static java.time.Instant modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return java.time.Instant.EPOCH;
        }
    }

    /** What {@code config.json} says (trainer, preset, seed, config, ...); empty before the run created it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> record(Path folder) {
        Path file = folder.resolve(RunFolder.CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            return Map.of(); // being rewritten (a resume extending the budget): the next read has it
        }
    }

    /** One run as {@code GET /v1/runs/} lists it. */
    Map<String, Object> summary(String id) {
        Path folder = runsDir.resolve(id);
        Optional<RunRequest> requested = queue.request(id);
        RunStatus status = status(folder);
        Map<String, Object> record = record(folder);
        Map<String, Object> last = MetricsRows.last(folder.resolve(METRICS));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("trainer", record.getOrDefault("trainer", requested.map(RunRequest::trainer).orElse(null)));
        view.put("preset", record.getOrDefault("preset", requested.flatMap(RunRequest::preset).orElse(null)));
        view.put("seed", record.get("seed"));
        view.put("state", status.state().toString());
        view.put("message", status.message());
        view.put("started", status.started().toString());
        view.put("ended", status.ended() == null ? null : status.ended().toString());
        long episodes = last.isEmpty() ? status.episodes() : ((Number) last.get("episode")).longValue() + 1;
        view.put("episodes", episodes);
        view.put("total_steps", last.getOrDefault("total_steps", 0L));
        view.put("progress", progress(record, episodes, ((Number) last.getOrDefault("total_steps", 0L)).longValue()));
        view.put("last", last);
        List<String> metrics = MetricsRows.metricNames(MetricsRows.header(folder.resolve(METRICS)));
        view.put("key_metric", metrics.isEmpty() ? null : metrics.get(0));
        return view;
    }

    /** One run as {@code GET /v1/runs/{id}} shows it: the summary, its config, metric columns, files and a failed run's log. */
    Map<String, Object> detail(String id) {
        Path folder = folder(id);
        Optional<RunRequest> requested = queue.request(id);
        Map<String, Object> view = summary(id);
        Map<String, Object> record = record(folder);
        Object config = record.get("config");
        if (config == null) {
            config = requested.map(RunRequest::settings).orElse(Map.of());
        }
        view.put("config", config);
        view.put("extensions", record.getOrDefault("extensions", List.of()));
        view.put("metrics", MetricsRows.metricNames(MetricsRows.header(folder.resolve(METRICS))));
        view.put("files", RunFiles.list(folder));
        view.put("log_tail", RunStatus.State.FAILED.toString().equals(view.get("state")) ? TrainProcess.logTail(folder, LOG_LINES) : "");
        return view;
    }

    /**
     * How far the run is through its budget, 0..1: episodes over an {@code episodes}, {@code epochs} or
     * {@code maxEpisodes} budget, else steps over a {@code maxSteps} one; null when the trainer's budget is neither.
     */
    private Object progress(Map<String, Object> record, long episodes, long steps) {
        if (!(record.get("config") instanceof Map<?, ?> config) || !(record.get("trainer") instanceof String trainer)) {
            return null;
        }
        Optional<TrainerProvider<?, ?>> provider = registry.all().stream().filter(p -> p.name().equals(trainer)).findFirst();
        if (provider.isEmpty()) {
            return null;
        }
        List<Double> fractions = new ArrayList<>();
        for (String key : provider.get().budget()) {
            if (config.get(key) instanceof Number budget && budget.doubleValue() > 0) {
                boolean counted = key.equals("episodes") || key.equals("epochs") || key.equals("maxEpisodes");
                if (counted || key.equals("maxSteps")) {
                    fractions.add(Math.min(1.0, (counted ? episodes : steps) / budget.doubleValue()));
                }
            }
        }
        return fractions.stream().max(Double::compare).orElse(null);
    }
}
