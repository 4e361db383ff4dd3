package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport promises: many requests over one kept-alive connection, TCP_NODELAY on accepted
 * sockets, many concurrent clients, steps on one instance serialised, and the shutdown route.
 */
class TransportTest {
    @TempDir
    Path dataRoot;

    @Test
    void oneConnectionCarriesManyRequests() throws IOException {
        try (TestServer server = new TestServer(dataRoot);
             Socket socket = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 200; i++) {
                out.write(("GET /v1/envs/ HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("HTTP/1.1 200 OK", in.readLine(), "request " + i + " on the same socket");
                int length = -1;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    assertFalse(line.equalsIgnoreCase("Connection: close"), "server must keep the connection open");
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                assertEquals(length, in.read(body, 0, length));
                assertEquals("{\"all_envs\":{},\"envs\":{}}\n", new String(body));
            }
        }
    }

    @Test
    void acceptedSocketsDisableNagle() {
        try (TestServer server = new TestServer(dataRoot)) {
            assertTrue(server.server.tcpNoDelay(), "small responses must not wait 40 ms for delayed ACKs");
        }
    }

    @Test
    void concurrentClientsEachGetTheirOwnEpisodes() throws Exception {
        int clients = 8;
        int steps = 300;
        try (TestServer server = new TestServer(dataRoot)) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<CompletableFuture<Integer>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    results.add(CompletableFuture.supplyAsync(() -> {
                        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
                        server.post("/v1/envs/" + id + "/reset/", null);
                        int ok = 0;
                        for (int i = 0; i < steps; i++) {
                            TestServer.Response r = server.post("/v1/envs/" + id + "/step/", "{\"action\":" + (i % 2) + "}");
                            ok += r.status() == 200 ? 1 : 0;
                            if (r.body().startsWith("{\"done\":true")) {
                                server.post("/v1/envs/" + id + "/reset/", null);
                            }
                        }
                        return ok;
                    }, pool));
                }
                for (CompletableFuture<Integer> r : results) {
                    assertEquals(steps, r.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void concurrentStepsOnOneInstanceAreSerialised() throws Exception {
        // On the 8x8 lake without slipping, 'left' from the start never moves, so only the time
        // limit ends the episode: exactly one of 200 concurrent steps must see done, and only if
        // every step was counted once.
        int threads = 8;
        int perThread = 25;
        try (TestServer server = new TestServer(dataRoot)) {
            String id = server.create("{\"env_id\":\"FrozenLake8x8-v1\",\"kwargs\":{\"is_slippery\":false}}");
            server.post("/v1/envs/" + id + "/reset/", null);
            AtomicInteger done = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    all.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < perThread; i++) {
                            TestServer.Response r = server.post("/v1/envs/" + id + "/step/", "{\"action\":0}");
                            ok.addAndGet(r.status() == 200 ? 1 : 0);
                            done.addAndGet(r.body().startsWith("{\"done\":true") ? 1 : 0);
                        }
                    }, pool));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdown();
            }
            assertEquals(threads * perThread, ok.get());
            assertEquals(1, done.get(), "the 200th step, and only it, reaches the time limit");
        }
    }

    @Test
    void shutdownStopsAServerStartedToAllowIt() throws Exception {
        TestServer server = new TestServer(dataRoot, 10, true);
        TestServer.Response r = server.post("/v1/shutdown/", null);
        assertEquals(200, r.status());
        assertEquals("{\"message\":\"Server shutting down\"}\n", r.body());
        server.server.stopped().get(30, TimeUnit.SECONDS);
        assertTrue(server.server.stopped().isDone());
    }
}
