package io.jgym.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsHandlerType;
import io.javalin.http.staticfiles.Location;
import io.jgym.contracts.EnvRegistry;
import io.jgym.server.runs.RunHandlers;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gym-http-api compatible server: all routes in {@link #routes}, one error mapping, and the
 * lifecycle (start, idle-instance eviction, graceful stop). Built with {@link #create} from its
 * config and registry and started explicitly, so tests run the real server on port 0.
 */
public final class GymServer {
    private static final Logger LOG = LoggerFactory.getLogger(GymServer.class);
    private static final String INSTANCE = "/v1/envs/{id}";
    private static final String VECTOR_INSTANCE = "/v1/vecenvs/{id}";
    private static final String RUN = "/v1/runs/{id}";
    /** The raw request paths of the dashboard's files: its page, scripts and styles, and uPlot's. Nothing else goes untokened. */
    private static final Pattern DASHBOARD_FILE = Pattern.compile(
            "/|/[a-z][a-z-]*\\.(html|js|css|svg|png)|/webjars/uplot/[0-9.]+/dist/uPlot\\.(iife\\.min\\.js|min\\.css)");
    private static final long SHUTDOWN_GRACE_MILLIS = 200;
    private static final String VERSION = version();

    private final ServerConfig config;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private final ServerMetrics metrics;
    private final InstanceStore store;
    private final RunHandlers runs;
    private final List<Route> routes = new ArrayList<>();
    private final RequestGate gate;
    private final VectorSocket vectorSocket;
    private final Javalin app;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private ScheduledExecutorService evictor;
    private boolean stopping;

    /** One route: method, path template as Javalin writes it, handler, and the template's segments. */
    private record Route(HandlerType method, String path, Handler handler, String[] segments) {
        Route(HandlerType method, String path, Handler handler) {
            this(method, path, handler, path.substring(1).split("/"));
        }

        /** Whether a request path's segments (empty ones dropped, as the router does) fit this template. */
        boolean matches(List<String> given) {
            boolean rest = segments[segments.length - 1].startsWith("<"); // a <path> parameter takes the remaining segments
            if (rest ? given.size() < segments.length : given.size() != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].startsWith("{") && !segments[i].startsWith("<") && !segments[i].equals(given.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private GymServer(ServerConfig config, EnvRegistry registry, RunHandlers runs, LongSupplier nanoClock) {
        this.config = config;
        this.runs = runs;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.store = new InstanceStore(registry, config.maxInstances(), config.maxInstancesPerClient(), config.maxVectorEnvs(),
                config.idleTimeout(), nanoClock);
        this.metrics = new ServerMetrics(store::size);
        GymHandlers handlers = new GymHandlers(store, new MonitorDirectories(config.dataRoot()),
                new MonitorQuota(config, metrics), metrics, nanoClock);
        routes(handlers);
        vectorRoutes(new VectorHandlers(store, config.maxNumEnvs()));
        this.vectorSocket = new VectorSocket(store, config.maxNumEnvs());
        this.gate = new RequestGate(config.requiredToken(), metrics, this::routeTemplate, GymServer::dashboardFile);
        this.app = Javalin.create(javalin -> configure(javalin));
    }

    /** An unstarted server over {@code registry}, with training runs off. */
    public static GymServer create(ServerConfig config, EnvRegistry registry) {
        return new GymServer(config, registry, RunHandlers.off(), System::nanoTime);
    }

    /** An unstarted server over {@code registry} whose runs routes are {@code runs} (on or off); stopping it closes them. */
    public static GymServer create(ServerConfig config, EnvRegistry registry, RunHandlers runs) {
        return new GymServer(config, registry, runs, System::nanoTime);
    }

    /** An unstarted server whose idle timeout and uptime follow {@code nanoClock}, for tests that drive time. */
    static GymServer create(ServerConfig config, EnvRegistry registry, LongSupplier nanoClock) {
        return new GymServer(config, registry, RunHandlers.off(), nanoClock);
    }

    /**
     * Whether a request asks for a file of the dashboard (a GET outside the API): the page, its
     * scripts and the charting library are the same for everyone, so they need no token; the data
     * they show comes from the API, which does.
     */
    private static boolean dashboardFile(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD")) && DASHBOARD_FILE.matcher(path).matches();
    }

    private void configure(JavalinConfig javalin) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.router.ignoreTrailingSlashes = true;
        javalin.router.treatMultipleSlashesAsSingleSlash = true;
        javalin.http.maxRequestSize = config.maxRequestBytes();
        javalin.http.defaultContentType = "application/json";
        javalin.http.prefer405over404 = true;
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(config.maxHeaderBytes());
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        javalin.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(new FilterHolder(gate), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        javalin.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setAcceptedTcpNoDelay(true);
            return connector;
        });
        // The dashboard (docs/dashboard.md) and the charting library it draws with, both from the class path: works offline.
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
        });
        javalin.staticFiles.enableWebjars();
        for (Route r : routes) {
            javalin.routes.addHttpHandler(r.method(), r.path(), r.handler());
        }
        javalin.routes.addWsHandler(WsHandlerType.WEBSOCKET, VectorSocket.PATH, vectorSocket::configure);
        // A vecenv socket lives as long as an idle instance would, and takes messages as large as request bodies.
        javalin.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setIdleTimeout(config.idleTimeout());
            factory.setMaxTextMessageSize(config.maxRequestBytes());
            factory.setMaxBinaryMessageSize(config.maxRequestBytes());
        });
        javalin.routes.after(GymServer::readUnreadBody);
        errors(javalin);
    }

    /** Every route the server answers, in one place; docs/http-api.md lists the same set (ApiDocsTest). */
    private void routes(GymHandlers h) {
        add(HandlerType.POST, "/v1/envs", h::create);
        add(HandlerType.GET, "/v1/envs", h::listAll);
        add(HandlerType.POST, INSTANCE + "/reset", h::reset);
        add(HandlerType.POST, INSTANCE + "/step", h::step);
        add(HandlerType.GET, INSTANCE + "/action_space", h::actionSpace);
        add(HandlerType.GET, INSTANCE + "/action_space/sample", h::sampleAction);
        add(HandlerType.GET, INSTANCE + "/action_space/contains/{x}", h::actionContains);
        add(HandlerType.GET, INSTANCE + "/observation_space", h::observationSpace);
        add(HandlerType.POST, INSTANCE + "/observation_space/contains", h::observationContains);
        add(HandlerType.POST, INSTANCE + "/monitor/start", h::monitorStart);
        add(HandlerType.POST, INSTANCE + "/monitor/close", h::monitorClose);
        add(HandlerType.POST, INSTANCE + "/close", h::close);
        add(HandlerType.GET, INSTANCE + "/render", h::render);
        add(HandlerType.POST, "/v1/upload", h::upload);
        add(HandlerType.POST, "/v1/shutdown", this::shutdown);
        add(HandlerType.GET, "/v1/health", this::health);
        add(HandlerType.GET, "/metrics", this::metrics);
        add(HandlerType.GET, "/v1/trainers", runs::trainers);
        add(HandlerType.POST, "/v1/runs", runs::create);
        add(HandlerType.GET, "/v1/runs", runs::list);
        add(HandlerType.GET, RUN, runs::get);
        add(HandlerType.GET, RUN + "/metrics", runs::metrics);
        add(HandlerType.GET, RUN + "/events", runs::events);
        add(HandlerType.GET, RUN + "/files/<path>", runs::file);
        add(HandlerType.POST, RUN + "/stop", runs::stop);
        add(HandlerType.POST, RUN + "/resume", runs::resume);
        add(HandlerType.DELETE, RUN, runs::delete);
    }

    /** The vector-environment routes (docs/http-api.md, "Vector environments"); the WebSocket is {@link VectorSocket}. */
    private void vectorRoutes(VectorHandlers v) {
        add(HandlerType.POST, "/v1/vecenvs", v::create);
        add(HandlerType.GET, "/v1/vecenvs", v::list);
        add(HandlerType.POST, VECTOR_INSTANCE + "/reset", v::reset);
        add(HandlerType.POST, VECTOR_INSTANCE + "/step", v::step);
        add(HandlerType.GET, VECTOR_INSTANCE + "/action_space", v::actionSpace);
        add(HandlerType.GET, VECTOR_INSTANCE + "/observation_space", v::observationSpace);
        add(HandlerType.POST, VECTOR_INSTANCE + "/close", v::close);
    }

    private void add(HandlerType method, String path, Handler handler) {
        routes.add(new Route(method, path, handler));
    }

    /** The routes as {@code "METHOD /path/{param}"}, in the order they are registered. */
    public List<String> routeList() {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The route template of a request path, or a fixed label for paths no route matches (bounded metric labels). */
    private String routeTemplate(String path) {
        List<String> given = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    given.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        for (Route r : routes) {
            if (r.matches(given)) {
                return r.path();
            }
        }
        return "NOT_FOUND";
    }

    /** Every failure becomes {@code {"message": ...}}: 400 for bad input, as gym-http-api clients expect. */
    private void errors(JavalinConfig javalin) {
        javalin.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        javalin.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, Messages.quote(String.valueOf(e.getMessage()))));
        javalin.routes.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 400, Messages.quote(String.valueOf(e.getMessage()))));
        javalin.routes.exception(UnsupportedOperationException.class, (e, ctx) -> error(ctx, 400, Messages.quote(String.valueOf(e.getMessage()))));
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            if (unreadableRequest(e)) {
                error(ctx, 400, "The request could not be read: its body ended early or was malformed");
                return;
            }
            LOG.error("Internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Internal server error; the server's log has the details");
        });
        javalin.routes.error(404, ctx -> {
            if (ctx.result() == null) {
                error(ctx, 404, "No route " + ctx.method() + " " + Messages.quote(ctx.path()) + "; see docs/http-api.md for the routes");
            }
        });
        javalin.routes.error(405, ctx -> error(ctx, 405, "Method " + ctx.method() + " not allowed on " + Messages.quote(ctx.path())
                + "; see docs/http-api.md for the routes"));
    }

    /**
     * Reads a body no handler read (a GET with a body, a refused request) before the answer leaves:
     * Jetty otherwise drops the kept-alive connection after answering when the body arrives late,
     * with no {@code Connection: close} to warn the client, which then fails its next request.
     */
    private static void readUnreadBody(Context ctx) {
        try {
            ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            ctx.header("Connection", "close");
        }
    }

    /** A failure to read what the client sent (an early end of a chunked body, a broken frame): the client's fault. */
    private static boolean unreadableRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof BadMessageException) {
                return true;
            }
        }
        return false;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        GymHandlers.json(ctx, Map.of("message", message));
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("uptime_seconds", (nanoClock.getAsLong() - startedNanos) / 1e9);
        body.put("instances", store.size());
        body.put("max_instances", config.maxInstances());
        body.put("version", VERSION);
        GymHandlers.json(ctx, body);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
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
        evictor.scheduleAtFixedRate(this::evictIdle, period, period, TimeUnit.SECONDS);
        return this;
    }

    /** Closes instances idle for longer than the timeout (the evictor calls this); returns how many. */
    int evictIdle() {
        int evicted = store.evictIdle();
        if (evicted > 0) {
            metrics.evicted(evicted);
            LOG.info("Closed {} instance(s) idle for more than {}", evicted, config.idleTimeout());
        }
        return evicted;
    }

    /** Stops the server gracefully when the JVM is asked to end (SIGTERM, Ctrl-C), as {@code jgym serve} runs it. */
    public GymServer stopOnSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "jgym-stop"));
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

    /**
     * Stops gracefully; safe to call twice and from several threads. It stops accepting connections,
     * lets requests in flight finish (up to the shutdown timeout), then stops the HTTP server and
     * closes every instance, so each monitor writes its stats and finishes its recording.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                stopped.join();
                return;
            }
            stopping = true;
        }
        try {
            if (evictor != null) {
                evictor.shutdownNow();
            }
            for (Connector c : app.jettyServer().server().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.close();
                }
            }
            runs.close();
            if (!gate.awaitIdle(config.shutdownTimeout())) {
                LOG.warn("Requests still in flight after {}; stopping anyway", config.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            app.stop();
            store.closeAll();
            metrics.close();
            stopped.complete(null);
        }
    }

    /** Completes once the server has stopped, through {@link #stop()} or the shutdown route. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    InstanceStore store() {
        return store;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = GymServer.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            LOG.debug("no version.properties", e);
        }
        return p.getProperty("version", "unknown");
    }
}
