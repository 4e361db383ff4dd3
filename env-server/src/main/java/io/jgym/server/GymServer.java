package io.jgym.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.jgym.contracts.EnvRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gym-http-api compatible server: all routes in {@link #routes}, one error mapping, and the
 * lifecycle (start, idle-instance eviction, stop). Built with {@link #create} from its config and
 * registry and started explicitly, so tests run the real server on port 0.
 */
public final class GymServer {
    private static final Logger LOG = LoggerFactory.getLogger(GymServer.class);
    private static final String INSTANCE = "/v1/envs/{id}";
    private static final long SHUTDOWN_GRACE_MILLIS = 200;

    private final ServerConfig config;
    private final InstanceStore store;
    private final Javalin app;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private ScheduledExecutorService evictor;

    private GymServer(ServerConfig config, EnvRegistry registry) {
        this.config = config;
        this.store = new InstanceStore(registry, config.maxInstances(), config.idleTimeout(), System::nanoTime);
        GymHandlers handlers = new GymHandlers(store, new MonitorDirectories(config.dataRoot()));
        this.app = Javalin.create(javalin -> configure(javalin, handlers));
    }

    /** An unstarted server over {@code registry}. */
    public static GymServer create(ServerConfig config, EnvRegistry registry) {
        return new GymServer(config, registry);
    }

    private void configure(JavalinConfig javalin, GymHandlers handlers) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.router.ignoreTrailingSlashes = true;
        javalin.router.treatMultipleSlashesAsSingleSlash = true;
        javalin.http.maxRequestSize = config.maxRequestBytes();
        javalin.http.defaultContentType = "application/json";
        javalin.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setAcceptedTcpNoDelay(true);
            return connector;
        });
        routes(javalin, handlers);
        errors(javalin);
    }

    private void routes(JavalinConfig javalin, GymHandlers h) {
        javalin.routes.post("/v1/envs", h::create);
        javalin.routes.get("/v1/envs", h::listAll);
        javalin.routes.post(INSTANCE + "/reset", h::reset);
        javalin.routes.post(INSTANCE + "/step", h::step);
        javalin.routes.get(INSTANCE + "/action_space", h::actionSpace);
        javalin.routes.get(INSTANCE + "/action_space/sample", h::sampleAction);
        javalin.routes.get(INSTANCE + "/action_space/contains/{x}", h::actionContains);
        javalin.routes.get(INSTANCE + "/observation_space", h::observationSpace);
        javalin.routes.post(INSTANCE + "/observation_space/contains", h::observationContains);
        javalin.routes.post(INSTANCE + "/monitor/start", h::monitorStart);
        javalin.routes.post(INSTANCE + "/monitor/close", h::monitorClose);
        javalin.routes.post(INSTANCE + "/close", h::close);
        javalin.routes.get(INSTANCE + "/render", h::render);
        javalin.routes.post("/v1/upload", h::upload);
        javalin.routes.post("/v1/shutdown", this::shutdown);
    }

    /** Every failure becomes {@code {"message": ...}}: 400 for bad input, as gym-http-api clients expect. */
    private void errors(JavalinConfig javalin) {
        javalin.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        javalin.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        javalin.routes.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        javalin.routes.exception(UnsupportedOperationException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Internal server error: " + e);
        });
        javalin.routes.error(404, ctx -> {
            if (ctx.result() == null) {
                error(ctx, 404, "No route " + ctx.method() + " " + ctx.path() + "; see docs/http-api.md for the routes");
            }
        });
        javalin.routes.error(405, ctx -> error(ctx, 405, "Method " + ctx.method() + " not allowed on " + ctx.path()));
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        GymHandlers.json(ctx, Map.of("message", message));
    }

    private void shutdown(Context ctx) {
        if (!config.allowShutdown()) {
            throw new ApiException(403, "Shutdown is disabled; start the server with --allow-shutdown to allow POST /v1/shutdown/");
        }
        GymHandlers.json(ctx, Map.of("message", "Server shutting down"));
        // Stop from another thread, after this response has had time to leave.
        CompletableFuture.runAsync(this::stop, CompletableFuture.delayedExecutor(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** Binds the port and starts evicting idle instances. */
    public GymServer start() {
        app.start();
        evictor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jgym-idle-evictor");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, Math.min(60, config.idleTimeout().toSeconds() / 4));
        evictor.scheduleAtFixedRate(() -> {
            int evicted = store.evictIdle();
            if (evicted > 0) {
                LOG.info("Closed {} instance(s) idle for more than {}", evicted, config.idleTimeout());
            }
        }, period, period, TimeUnit.SECONDS);
        return this;
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        throw new IllegalStateException("server has no network connector");
    }

    /** Whether accepted connections get TCP_NODELAY, so small responses are not held back by Nagle. */
    public boolean tcpNoDelay() {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc && !sc.getAcceptedTcpNoDelay()) {
                return false;
            }
        }
        return true;
    }

    /** Stops accepting requests and closes every instance; safe to call twice. */
    public void stop() {
        if (stopped.isDone()) {
            return;
        }
        if (evictor != null) {
            evictor.shutdownNow();
        }
        app.stop();
        store.closeAll();
        stopped.complete(null);
    }

    /** Completes once the server has stopped, through {@link #stop()} or the shutdown route. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    InstanceStore store() {
        return store;
    }
}
