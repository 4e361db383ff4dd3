package io.jgym.server;

import io.jgym.contracts.EnvRegistry;
import io.jgym.server.runs.RunHandlers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A real jgym server on a free port for one test class, plus a plain HTTP client that returns
 * status, content type and the exact body bytes, so tests see what any gym-http-api client sees.
 */
final class TestServer implements AutoCloseable {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();

    /** One HTTP exchange as the client saw it. */
    record Response(int status, String contentType, String body) {
    }

    final GymServer server;
    final Path dataRoot;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestServer(Path dataRoot, int maxInstances, boolean allowShutdown) {
        this(config(dataRoot, maxInstances, allowShutdown), System::nanoTime);
    }

    /** A server with {@code config} whose idle timeout and uptime follow {@code nanoClock}. */
    TestServer(ServerConfig config, LongSupplier nanoClock) {
        this.dataRoot = config.dataRoot();
        this.server = GymServer.create(config, REGISTRY, nanoClock).start();
    }

    /** The test default: port 0, 64 KiB bodies, an hour's idle timeout. */
    static ServerConfig config(Path dataRoot, int maxInstances, boolean allowShutdown) {
        return new ServerConfig("127.0.0.1", 0, maxInstances, Duration.ofHours(1), 64 * 1024, dataRoot, allowShutdown);
    }

    /** A server with {@code config} whose runs routes are {@code runs}. */
    TestServer(ServerConfig config, RunHandlers runs) {
        this.dataRoot = config.dataRoot();
        this.server = GymServer.create(config, REGISTRY, runs).start();
    }

    TestServer(Path dataRoot) {
        this(dataRoot, 100, false);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    /** GET returning the raw body bytes, for binary answers such as PNG pictures. */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** POST with a JSON body; {@code null} sends no body at all. */
    Response post(String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b.build());
    }

    /** Any method, with a JSON body or none. */
    Response send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Creates an instance and returns its id. */
    String create(String body) {
        Response r = post("/v1/envs/", body);
        if (r.status() != 200) {
            throw new AssertionError("create failed: " + r);
        }
        return r.body().replaceAll("(?s).*\"instance_id\":\"([0-9a-f]+)\".*", "$1");
    }

    @Override
    public void close() {
        server.stop();
    }
}
