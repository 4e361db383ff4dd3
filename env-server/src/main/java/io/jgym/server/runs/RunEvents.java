package io.jgym.server.runs;

import io.javalin.http.Context;
import io.jgym.runs.RunStatus;
import io.jgym.server.ApiException;
import io.jgym.server.FlaskJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /v1/runs/{id}/events}: a Server-Sent Events stream of one run, read from its folder
 * as the child writes it: a {@code state} event with the run's summary whenever its state or
 * message changes, a {@code metrics} event per new metrics row (its {@code id} is the episode, so a
 * reconnecting client's {@code Last-Event-ID} continues after it), a comment every
 * {@link #KEEP_ALIVE_MILLIS} to keep proxies from closing the connection, and an {@code end} event
 * once the run has ended and every row was sent, after which the stream closes. Streams are capped
 * at {@link #MAX_STREAMS} (each holds a server thread) and all end when the server stops.
 */
final class RunEvents {
    /** Streams open at once, over all clients. */
    static final int MAX_STREAMS = 32;
    static final long POLL_MILLIS = 200;
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final int ROWS_PER_POLL = 1000;

    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    /** Streams the run in {@code folder} to the client until it ends, the client leaves or the server stops. */
    void stream(Context ctx, RunCatalog catalog, String id, long since) throws IOException, InterruptedException {
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new ApiException(429, "Too many event streams are open (" + MAX_STREAMS + "); close one or poll"
                    + " GET /v1/runs/<id>/metrics?since=N instead");
        }
        try {
            Path folder = catalog.folder(id);
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            follow(out, catalog, id, folder, new MetricsRows(folder.resolve("metrics.csv"), since));
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.decrementAndGet();
        }
    }

    private void follow(OutputStream out, RunCatalog catalog, String id, Path folder, MetricsRows rows)
            throws IOException, InterruptedException {
        String lastState = null;
        long lastWrite = System.nanoTime();
        while (!closed) {
            if (!Files.isDirectory(folder)) {
                send(out, "end", null, Map.of("id", id, "state", "deleted"));
                return;
            }
            RunStatus status = catalog.status(folder);
            boolean ended = !status.state().active();
            String state = status.state() + "|" + status.message() + "|" + status.started();
            boolean wrote = false;
            if (!state.equals(lastState)) {
                send(out, "state", null, catalog.summary(id));
                lastState = state;
                wrote = true;
            }
            List<Map<String, Object>> fresh;
            do {
                fresh = rows.poll(ROWS_PER_POLL);
                for (Map<String, Object> row : fresh) {
                    send(out, "metrics", String.valueOf(row.get("episode")), row);
                    wrote = true;
                }
            } while (fresh.size() == ROWS_PER_POLL);
            if (ended) {
                send(out, "end", null, Map.of("id", id, "state", status.state().toString()));
                return;
            }
            long now = System.nanoTime();
            if (wrote) {
                out.flush();
                lastWrite = now;
            } else if (now - lastWrite > KEEP_ALIVE_MILLIS * 1_000_000) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                lastWrite = now;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void send(OutputStream out, String event, String eventId, Object data) throws IOException {
        StringBuilder text = new StringBuilder("event: ").append(event).append('\n');
        if (eventId != null) {
            text.append("id: ").append(eventId).append('\n');
        }
        text.append("data: ").append(FlaskJson.dumps(data)).append("\n\n");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        if (!"metrics".equals(event)) {
            out.flush();
        }
    }

    /** Ends every open stream (at their next poll); the server calls this when it stops. */
    void close() {
        closed = true;
    }
}
