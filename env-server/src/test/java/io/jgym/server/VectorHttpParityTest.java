package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.vector.BatchWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gymnasium's vector fixtures (the envs module's {@code parity/vector/}) replayed through the vecenv
 * routes, in JSON (every seed), in the binary {@code application/x-jgym-batch} encoding and over the
 * vecenv WebSocket (the first seed of each, to keep the suite fast): every reset, step and
 * partial reset must give the recorded observations, rewards, flags and infos, compared as canonical
 * JSON text so that int against float, -0.0 and the last bit of every number count. Pendulum, whose
 * sin/cos may differ from glibc's in the last bit, is compared to 7 significant digits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorHttpParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new TestServer(dir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("jgym.parity.dir"), "vector"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .flatMap(n -> Stream.of(Arguments.of(n, "json"), Arguments.of(n, "binary"), Arguments.of(n, "websocket")))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void fixtureReplaysExactlyOverHttp(String fixture, String encoding) throws Exception {
        JsonNode root = JSON.readTree(Path.of(System.getProperty("jgym.parity.dir"), "vector", fixture).toFile());
        boolean rounded = fixture.startsWith("Pendulum");
        boolean binary = !encoding.equals("json");
        String create = "{\"env_id\":\"" + root.get("env_id").asText() + "\",\"num_envs\":" + root.get("num_envs")
                + ",\"autoreset_mode\":\"" + root.get("autoreset_mode").asText() + "\"}";
        for (JsonNode run : root.get("runs")) {
            if (binary && run != root.get("runs").get(0)) {
                break;
            }
            String where = fixture + " seed " + run.get("seed");
            if (encoding.equals("websocket")) {
                try (Socket socket = new Socket(server.base(), create)) {
                    replay(where, run, rounded, socket::reset, socket::step);
                }
                continue;
            }
            String id = JSON.readTree(server.post("/v1/vecenvs/", create).body()).get("instance_id").asText();
            assertSpaces(where, root, id);
            String base = "/v1/vecenvs/" + id;
            replay(where, run, rounded, body -> reset(base, body, binary), actions -> step(base, actions, binary));
            assertEquals(204, server.post(base + "/close/", null).status());
        }
    }

    private static void replay(String where, JsonNode run, boolean rounded, Function<String, Map<String, Object>> reset,
                               Function<JsonNode, Map<String, Object>> step) {
        assertAnswer(where + " reset", run.get("reset"), reset.apply("{\"seed\":" + run.get("seed") + "}"), rounded);
        for (JsonNode record : run.get("steps")) {
            String at = where + " t=" + record.get("t");
            assertAnswer(at, record, step.apply(record.get("actions")), rounded);
            JsonNode partial = record.get("partial_reset");
            if (partial != null) {
                String body = "{\"options\":{\"reset_mask\":" + partial.get("reset_mask") + "}}";
                assertAnswer(at + " partial reset", partial, reset.apply(body), rounded);
            }
        }
    }

    /** The vecenv WebSocket with one vector env: JSON resets answered in binary, binary steps. */
    private static final class Socket implements AutoCloseable {
        private final WebSocket ws;
        private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();

        Socket(String base, String create) throws Exception {
            ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(base.replace("http://", "ws://") + "/v1/vecenvs/ws"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();
                        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                answers.add(text.toString());
                                text.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                            byte[] part = new byte[data.remaining()];
                            data.get(part);
                            bytes.writeBytes(part);
                            if (last) {
                                answers.add(bytes.toByteArray());
                                bytes.reset();
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText(create.replaceFirst("\\{", "{\"op\":\"create\","), true).get(10, TimeUnit.SECONDS);
            assertTrue(String.valueOf(next()).contains("instance_id"));
        }

        Map<String, Object> reset(String body) {
            ws.sendText(body.replaceFirst("\\{", "{\"op\":\"reset\",\"binary\":true,"), true).join();
            return decoded(next());
        }

        Map<String, Object> step(JsonNode actions) {
            ws.sendBinary(ByteBuffer.wrap(actionsMessage(actions)), true).join();
            return decoded(next());
        }

        private Object next() {
            try {
                Object answer = answers.poll(10, TimeUnit.SECONDS);
                assertTrue(answer != null, "no answer on the socket within 10 s");
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private static Map<String, Object> decoded(Object answer) {
            assertTrue(answer instanceof byte[], "expected a binary answer, got " + answer);
            return binaryAnswer((byte[]) answer);
        }

        @Override
        public void close() throws Exception {
            ws.sendText("{\"op\":\"close\"}", true).get(10, TimeUnit.SECONDS);
            next();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    private void assertSpaces(String where, JsonNode root, String id) throws IOException {
        JsonNode action = JSON.readTree(server.get("/v1/vecenvs/" + id + "/action_space/").body());
        JsonNode observation = JSON.readTree(server.get("/v1/vecenvs/" + id + "/observation_space/").body());
        for (String key : List.of("action_space", "single_action_space")) {
            assertEquals(canonical(root.get(key), false), canonical(action.get(key), false), where + " " + key);
        }
        for (String key : List.of("observation_space", "single_observation_space")) {
            assertEquals(canonical(root.get(key), false), canonical(observation.get(key), false), where + " " + key);
        }
    }

    /** Every key the answer has (observations, rewards, flags, infos) must equal the record's. */
    private static void assertAnswer(String at, JsonNode record, Map<String, Object> answer, boolean rounded) {
        for (Map.Entry<String, Object> e : answer.entrySet()) {
            assertEquals(canonical(record.get(e.getKey()), rounded), FlaskJson.dumps(round(e.getValue(), rounded)), at + " " + e.getKey());
        }
    }

    private Map<String, Object> reset(String base, String body, boolean binary) {
        return answer(send(base + "/reset/", "application/json", body.getBytes(), binary), binary);
    }

    private Map<String, Object> step(String base, JsonNode actions, boolean binary) {
        if (!binary) {
            return answer(send(base + "/step/", "application/json", ("{\"actions\":" + actions + "}").getBytes(), false), false);
        }
        return answer(send(base + "/step/", BatchWire.MEDIA_TYPE, actionsMessage(actions), true), true);
    }

    /** The recorded actions as a binary step body: int64 for Discrete, float32 rows for Box. */
    private static byte[] actionsMessage(JsonNode actions) {
        BatchWire.Writer writer = new BatchWire.Writer();
        if (actions.get(0).isArray()) {
            float[] values = new float[actions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) actions.get(i).get(0).asDouble();
            }
            writer.floats("actions", values, values.length, 1);
        } else {
            long[] values = new long[actions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = actions.get(i).asLong();
            }
            writer.longs("actions", values, values.length);
        }
        return writer.toBytes();
    }

    private HttpResponse<byte[]> send(String path, String contentType, byte[] body, boolean binary) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (binary) {
            b.header("Accept", BatchWire.MEDIA_TYPE);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
            assertEquals(binary ? BatchWire.MEDIA_TYPE : "application/json", r.headers().firstValue("Content-Type").orElse(""));
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The answer's parts as plain values: from JSON, or decoded from the binary arrays. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(HttpResponse<byte[]> r, boolean binary) {
        try {
            return binary ? binaryAnswer(r.body()) : JSON.readValue(r.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> binaryAnswer(byte[] body) {
        try {
            Map<String, BatchWire.Array> arrays = BatchWire.read(body);
            Map<String, Object> out = new LinkedHashMap<>();
            List<Object> components = new ArrayList<>();
            for (Map.Entry<String, BatchWire.Array> e : arrays.entrySet()) {
                BatchWire.Array a = e.getValue();
                Object value = switch (a.typestr()) {
                    case "<f4" -> rows(a);
                    case "<f8" -> Arrays.stream(a.doubles()).boxed().toList();
                    case "<i8" -> Arrays.stream(a.longs()).boxed().toList();
                    case "|b1" -> toList(a.bools());
                    default -> JSON.readValue(a.text(), Map.class);
                };
                if (e.getKey().startsWith("observations.")) {
                    components.add(value);
                } else {
                    out.put(e.getKey(), value);
                }
            }
            if (!components.isEmpty()) {
                out.put("observations", components);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<float[]> rows(BatchWire.Array a) {
        float[] values = a.floats();
        int width = a.shape()[1];
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < a.shape()[0]; i++) {
            out.add(Arrays.copyOfRange(values, i * width, (i + 1) * width));
        }
        return out;
    }

    private static List<Boolean> toList(boolean[] values) {
        List<Boolean> out = new ArrayList<>();
        for (boolean b : values) {
            out.add(b);
        }
        return out;
    }

    private static String canonical(JsonNode node, boolean rounded) {
        return FlaskJson.dumps(round(JSON.convertValue(node, Object.class), rounded));
    }

    /** The value with every float rounded to 7 significant digits when {@code rounded}. */
    private static Object round(Object value, boolean rounded) {
        if (!rounded) {
            return value;
        }
        if (value instanceof Double d) {
            return Double.parseDouble(String.format("%.7g", d));
        }
        if (value instanceof float[] f) {
            List<Object> out = new ArrayList<>();
            for (float x : f) {
                out.add(round((double) x, true));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> round(v, true)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, round(v, true)));
            return out;
        }
        return value;
    }
}
