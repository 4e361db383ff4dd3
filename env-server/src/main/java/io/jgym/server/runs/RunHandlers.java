package io.jgym.server.runs;

import io.javalin.http.Context;
import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.server.ApiException;
import io.jgym.server.FlaskJson;
import io.jgym.server.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The handlers of the runs routes ({@code /v1/runs/...} and {@code /v1/trainers}), which
 * {@code GymServer} registers with its other routes: each parses the request, asks the
 * {@link RunCatalog} (what is on disk) or the {@link RunQueue} (what this server starts and stops),
 * and writes JSON. Built {@link #off()} unless the server was started with {@code --allow-runs};
 * then every route answers 403 saying so. {@link #close} stops the server's runs with a checkpoint.
 */
public final class RunHandlers implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_ROWS = 10_000;

    private final TrainerRegistry registry;
    private final RunCatalog catalog;
    private final RunQueue queue;
    private final RunEvents events = new RunEvents();

    private RunHandlers(TrainerRegistry registry, RunCatalog catalog, RunQueue queue) {
        this.registry = registry;
        this.catalog = catalog;
        this.queue = queue;
    }

    /** Runs off: every runs route says how to turn them on. */
    public static RunHandlers off() {
        return new RunHandlers(null, null, null);
    }

    /**
     * Runs on: trainings of {@code registry}'s trainers in children started as {@code jvm}, under
     * {@code config}'s limits; runs an earlier server left queued are queued again.
     */
    public static RunHandlers on(RunsConfig config, TrainerRegistry registry, ChildJvm jvm) {
        try {
            Files.createDirectories(config.runsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the runs folder " + config.runsDir(), e);
        }
        RunQueue queue = new RunQueue(config, jvm);
        queue.recover();
        return new RunHandlers(registry, new RunCatalog(config.runsDir(), registry, queue), queue);
    }

    /** Whether runs are on. */
    private boolean enabled() {
        return queue != null;
    }

    private void requireOn() {
        if (!enabled()) {
            throw new ApiException(403, "Training runs are off on this server; start it with --allow-runs to train over HTTP");
        }
    }

    /** {@code GET /v1/trainers}: every trainer with its presets and settings. */
    public void trainers(Context ctx) {
        requireOn();
        json(ctx, Map.of("trainers", TrainerCatalog.describe(registry)));
    }

    /** {@code POST /v1/runs}: checks the request, queues the run and answers its id. */
    public void create(Context ctx) {
        requireOn();
        RunRequest request;
        synchronized (this) {
            request = RunRequest.create(ctx.body(), registry, catalog.runsDir(), this::freshName);
            queue.submit(request);
        }
        accepted(ctx, request.name());
    }

    /** {@code GET /v1/runs}: every run in the runs folder, newest first. */
    public void list(Context ctx) {
        requireOn();
        List<Map<String, Object>> runs = catalog.ids().stream().map(catalog::summary).toList();
        json(ctx, Map.of("runs", runs, "waiting", queue.waiting()));
    }

    /** {@code GET /v1/runs/{id}}: one run in full. */
    public void get(Context ctx) {
        requireOn();
        String id = ctx.pathParam("id");
        json(ctx, catalog.detail(id));
    }

    /** {@code GET /v1/runs/{id}/metrics?since=N&limit=M}: metrics rows from episode N on. */
    public void metrics(Context ctx) {
        requireOn();
        Path folder = catalog.folder(ctx.pathParam("id"));
        long since = whole(ctx, "since", 0, Long.MAX_VALUE, 0);
        int limit = (int) whole(ctx, "limit", 1, MAX_ROWS, MAX_ROWS);
        MetricsRows rows = new MetricsRows(folder.resolve("metrics.csv"), since);
        List<Map<String, Object>> page = rows.poll(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", rows.columns());
        body.put("rows", page);
        body.put("next", rows.nextEpisode());
        json(ctx, body);
    }

    /** {@code GET /v1/runs/{id}/events}: Server-Sent Events of the run (see {@link RunEvents}). */
    public void events(Context ctx) throws IOException, InterruptedException {
        requireOn();
        String id = ctx.pathParam("id");
        catalog.folder(id);
        String lastEventId = ctx.header("Last-Event-ID");
        long since = lastEventId != null && lastEventId.matches("\\d{1,18}") ? Long.parseLong(lastEventId) + 1
                : whole(ctx, "since", 0, Long.MAX_VALUE, 0);
        events.stream(ctx, catalog, id, since);
    }

    /** {@code GET /v1/runs/{id}/files/<path>}: one file of the run's folder. */
    public void file(Context ctx) throws IOException {
        requireOn();
        Path file = RunFiles.resolve(catalog.folder(ctx.pathParam("id")), ctx.pathParam("path"));
        InputStream in = Files.newInputStream(file);
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(RunFiles.contentType(file));
        ctx.header("Cache-Control", "no-cache");
        ctx.result(in);
    }

    /** {@code POST /v1/runs/{id}/stop}: a queued run leaves the queue, a running one checkpoints and ends. */
    public void stop(Context ctx) {
        requireOn();
        String id = ctx.pathParam("id");
        queue.stop(id, catalog.folder(id));
        accepted(ctx, id);
    }

    /** {@code POST /v1/runs/{id}/resume} {@code {config?}}: continues a stopped, failed or finished run from its last checkpoint. */
    public void resume(Context ctx) {
        requireOn();
        String id = ctx.pathParam("id");
        synchronized (this) {
            Path folder = catalog.folder(id);
            RunStatus status = catalog.status(folder);
            if (queue.owns(id) || status.state().active() && (status.state() == RunStatus.State.QUEUED || status.processAlive())) {
                throw ApiException.badRequest("The run '" + id + "' is " + status.state() + "; stop it before resuming");
            }
            Object trainer = catalog.record(folder).get("trainer");
            if (!(trainer instanceof String name)) {
                throw ApiException.badRequest("The run '" + id + "' never started training (it has no config.json), so there is"
                        + " nothing to resume; start a new run instead");
            }
            queue.submit(RunRequest.resume(ctx.body(), registry, catalog.runsDir(), name, id));
        }
        accepted(ctx, id);
    }

    /** {@code DELETE /v1/runs/{id}}: removes an ended run's folder. */
    public void delete(Context ctx) {
        requireOn();
        String id = ctx.pathParam("id");
        synchronized (this) {
            Path folder = catalog.folder(id);
            RunStatus status = catalog.status(folder);
            if (queue.owns(id) || status.state() == RunStatus.State.RUNNING && status.processAlive()) {
                throw ApiException.badRequest("The run '" + id + "' is " + status.state() + "; stop it before deleting it");
            }
            deleteFolder(folder);
        }
        ctx.status(204);
    }

    /** Deletes a run folder: first renamed to a hidden name (so it leaves the listing at once), then removed. */
    private static void deleteFolder(Path folder) {
        Path hidden = folder.resolveSibling(".deleted-" + folder.getFileName() + "-" + System.nanoTime());
        try {
            Files.move(folder, hidden);
            try (Stream<Path> files = Files.walk(hidden)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the run " + folder.getFileName(), e);
        }
    }

    private void accepted(Context ctx, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", id);
        body.put("state", catalog.status(catalog.runsDir().resolve(id)).state().toString());
        json(ctx, body);
    }

    /** A name no run has: the trainer, the time and, when taken, a counter. */
    private String freshName(String trainer) {
        String base = trainer + "-" + LocalDateTime.now().format(STAMP);
        String name = base;
        for (int i = 2; Files.exists(catalog.runsDir().resolve(name)) || queue.owns(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static long whole(Context ctx, String parameter, long min, long max, long absent) {
        String text = ctx.queryParam(parameter);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest("Query parameter '" + parameter + "' must be a whole number in " + min + ".." + max + ", got '"
                + Messages.quote(text) + "'");
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(FlaskJson.write(body));
    }

    /** Ends the event streams and stops this server's runs, each with a checkpoint. */
    @Override
    public void close() {
        events.close();
        if (queue != null) {
            queue.close();
        }
    }
}
