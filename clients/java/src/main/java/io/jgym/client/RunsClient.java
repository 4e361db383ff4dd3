package io.jgym.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

/**
 * A client for the training runs of a jgym server started with {@code --allow-runs}
 * (docs/http-api.md, "Training runs"), with the names of the Python and R clients: start a run,
 * read its status and metrics, wait for it (following its event stream), stop, resume or delete
 * it, and fetch its files (samples, GIFs, CSV). Errors from the server are raised as
 * {@link GymServerException} with its message and status.
 */
public final class RunsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A client for the server at {@code remoteBase}, sending the token in {@code JGYM_TOKEN} when it is set. */
    public RunsClient(String remoteBase) {
        this(remoteBase, System.getenv("JGYM_TOKEN"));
    }

    /** A client that sends {@code Authorization: Bearer <token>} with every request (none when null or empty). */
    public RunsClient(String remoteBase, String token) {
        this.base = URI.create(remoteBase.endsWith("/") ? remoteBase.substring(0, remoteBase.length() - 1) : remoteBase);
        this.authorization = token == null || token.isBlank() ? Optional.empty() : Optional.of("Bearer " + token.strip());
    }

    /** Every trainer with its presets and settings. */
    public JsonNode trainers() {
        return call("GET", "/v1/trainers", null).get("trainers");
    }

    /**
     * Starts a run of {@code trainer}: {@code config} (config keys such as {@code learningRate} to
     * values) over {@code preset} (null for the default); {@code name} null for a generated one.
     * Returns the run's id.
     */
    public String runCreate(String trainer, String preset, Map<String, ?> config, String name, OptionalLong seed) {
        ObjectNode body = JSON.createObjectNode().put("trainer", trainer);
        if (preset != null) {
            body.put("preset", preset);
        }
        body.set("config", JSON.valueToTree(config));
        if (name != null) {
            body.put("name", name);
        }
        seed.ifPresent(s -> body.put("seed", s));
        return call("POST", "/v1/runs/", body).get("run_id").asText();
    }

    /** Starts a run of {@code trainer} with {@code config} over its default preset; returns its id. */
    public String runCreate(String trainer, Map<String, ?> config) {
        return runCreate(trainer, null, config, null, OptionalLong.empty());
    }

    /** Every run on the server, newest first. */
    public JsonNode runList() {
        return call("GET", "/v1/runs/", null).get("runs");
    }

    /** The run's state, progress, last metrics, config and files. */
    public JsonNode runStatus(String runId) {
        return call("GET", "/v1/runs/" + encode(runId), null);
    }

    /** The run's metrics rows from episode {@code since} on: {@code {columns, rows, next}}. */
    public JsonNode runMetrics(String runId, long since) {
        return call("GET", "/v1/runs/" + encode(runId) + "/metrics?since=" + since, null);
    }

    /**
     * Waits until the run has ended (finished, stopped or failed), following its event stream, and
     * returns its status.
     *
     * @throws TimeoutException if it has not ended within {@code timeout}
     */
    public JsonNode runWait(String runId, Duration timeout) throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new TimeoutException("run " + runId + " had not ended after " + timeout);
            }
            JsonNode status = runStatus(runId);
            String state = status.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return status;
            }
            followUntilEnd(runId, left);
        }
    }

    /** Reads the run's events until its {@code end} event, the stream closes or {@code timeout} passes. */
    private void followUntilEnd(String runId, Duration timeout) throws InterruptedException {
        HttpRequest request = request("/v1/runs/" + encode(runId) + "/events?since=" + Long.MAX_VALUE / 2, timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    fail(response.statusCode(), lines.lines().reduce("", String::concat), "GET events");
                }
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("event: end")) {
                        return;
                    }
                }
            }
        } catch (java.net.http.HttpTimeoutException e) {
            // the caller checks the deadline
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Asks the run to stop: a queued run leaves the queue, a running one checkpoints and ends. Returns its state. */
    public String runStop(String runId) {
        return call("POST", "/v1/runs/" + encode(runId) + "/stop", null).get("state").asText();
    }

    /** Continues a stopped, failed or finished run from its last checkpoint; {@code budget} may raise its budget keys. */
    public String runResume(String runId, Map<String, ?> budget) {
        ObjectNode body = JSON.createObjectNode();
        body.set("config", JSON.valueToTree(budget));
        return call("POST", "/v1/runs/" + encode(runId) + "/resume", body).get("state").asText();
    }

    /** Deletes an ended run's folder. */
    public void runDelete(String runId) {
        call("DELETE", "/v1/runs/" + encode(runId), null);
    }

    /** The bytes of a file of the run's folder, e.g. {@code learning-curve.png} or {@code samples/epoch-0003.png}. */
    public byte[] runFile(String runId, String path) {
        HttpRequest request = request("/v1/runs/" + encode(runId) + "/files/" + path, REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                fail(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), "GET " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GymServerException("interrupted while fetching " + path, e);
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = request(path, REQUEST_TIMEOUT);
        try {
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                fail(response.statusCode(), response.body(), method + " " + path);
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new GymServerException(-1, "Server sent invalid JSON for " + method + " " + path);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GymServerException("interrupted during " + method + " " + path, e);
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return builder;
    }

    private static void fail(int status, String body, String what) {
        String message;
        try {
            JsonNode json = JSON.readTree(body);
            message = json != null && json.has("message") ? json.get("message").asText() : "HTTP " + status + " for " + what;
        } catch (JsonProcessingException e) {
            message = "HTTP " + status + " for " + what;
        }
        throw new GymServerException(status, message);
    }

    private GymServerException unreachable(IOException e) {
        return new GymServerException("Cannot reach the jgym server at " + base + " (" + e.getMessage()
                + "); is it running with --allow-runs?", e);
    }

    private static String encode(String runId) {
        return URLEncoder.encode(runId, StandardCharsets.UTF_8);
    }
}
