package io.jgym.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import io.jgym.envs.vector.VectorEnvs;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RemoteVectorEnv} against a real server on port 0 and the in-process vector env of the same
 * id side by side: same seed, same random actions, and every reset and step (observations,
 * rewards, flags, infos with their types) equal, in both encodings and all three autoreset modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteVectorEnvTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    GymServer server;
    String base;

    @BeforeAll
    void start(@TempDir Path dataRoot) {
        server = GymServer.create(new ServerConfig("127.0.0.1", 0, 100, Duration.ofHours(1), 1 << 20, dataRoot, false)
                .withVectorLimits(64, 1024), REGISTRY).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "CartPole-v1, NEXT_STEP, BINARY", "CartPole-v1, SAME_STEP, JSON", "CartPole-v1, DISABLED, BINARY",
        "FrozenLake-v1, SAME_STEP, BINARY", "FrozenLake-v1, NEXT_STEP, JSON", "Taxi-v3, NEXT_STEP, BINARY",
        "Blackjack-v1, SAME_STEP, BINARY", "Pendulum-v1, NEXT_STEP, JSON", "Pendulum-v1, SAME_STEP, BINARY",
        "CartPole-v1, DISABLED, WEBSOCKET", "FrozenLake-v1, SAME_STEP, WEBSOCKET", "Blackjack-v1, NEXT_STEP, WEBSOCKET"})
    void remoteAndLocalVectorEnvsAgreeStepForStep(String envId, AutoresetMode mode, String transport) {
        int n = 6;
        try (VectorEnv local = VectorEnvs.make(REGISTRY.spec(envId), n, mode, Map.of());
             VectorEnv remote = transport.equals("WEBSOCKET") ? SocketVectorEnv.create(base, envId, n, mode, OptionalLong.empty(), null)
                     : RemoteVectorEnv.create(base, envId, n, mode, OptionalLong.empty(), RemoteVectorEnv.Encoding.valueOf(transport), null)) {
            assertEquals(local.singleObservationSpace(), remote.singleObservationSpace());
            assertEquals(local.singleActionSpace(), remote.singleActionSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            assertSameReset("reset", local.reset(3), remote.reset(3));
            NumpyGenerator sampler = NumpyGenerator.seeded(3);
            for (int t = 0; t < 300; t++) {
                List<Value> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(local.singleActionSpace().sample(sampler));
                }
                Batch actions = Batch.stack(values, local.singleActionSpace());
                VectorStep l = local.step(actions).copy();
                VectorStep r = remote.step(actions);
                String at = envId + " t=" + t;
                assertEquals(l.observations(), r.observations(), at);
                assertArrayEquals(l.rewards(), r.rewards(), at);
                assertArrayEquals(l.terminations(), r.terminations(), at);
                assertArrayEquals(l.truncations(), r.truncations(), at);
                assertEquals(canonical(l.infos()), canonical(r.infos()), at + " infos");
                boolean[] done = new boolean[n];
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    done[i] = l.done(i);
                    any |= done[i];
                }
                if (mode == AutoresetMode.DISABLED && any) {
                    assertSameReset(at + " partial reset", local.reset(OptionalLong.empty(), done), remote.reset(OptionalLong.empty(), done));
                }
            }
        }
    }

    @Test
    void badRequestsComeBackAsExceptionsWithTheServersMessage() {
        try (RemoteVectorEnv remote = RemoteVectorEnv.create(base, "CartPole-v1", 4, AutoresetMode.NEXT_STEP, OptionalLong.of(1),
                RemoteVectorEnv.Encoding.BINARY, null)) {
            remote.reset();
            GymServerException count = assertThrows(GymServerException.class, () -> remote.step(new Batch.Longs(new long[3])));
            assertEquals(400, count.status());
            assertTrue(count.getMessage().contains("one action per sub-environment (4), got 3"), count.getMessage());
            GymServerException mask = assertThrows(GymServerException.class, () -> remote.reset(OptionalLong.empty(), new boolean[2]));
            assertTrue(mask.getMessage().contains("reset_mask must have one flag per sub-environment (4)"), mask.getMessage());
        }
        GymServerException tooMany = assertThrows(GymServerException.class, () -> RemoteVectorEnv.create(base, "CartPole-v1", 65,
                AutoresetMode.NEXT_STEP, OptionalLong.empty(), RemoteVectorEnv.Encoding.JSON, null));
        assertTrue(tooMany.getMessage().contains("from 1 to 64 (the server's --max-num-envs)"), tooMany.getMessage());
    }

    @Test
    void theSocketAnswersBadRequestsAndStaysOpen() {
        try (SocketVectorEnv remote = SocketVectorEnv.create(base, "CartPole-v1", 4, AutoresetMode.NEXT_STEP, OptionalLong.of(5), null)) {
            GymServerException early = assertThrows(GymServerException.class, () -> remote.step(new Batch.Longs(new long[4])));
            assertTrue(early.getMessage().contains("reset first"), early.getMessage());
            remote.reset();
            GymServerException count = assertThrows(GymServerException.class, () -> remote.step(new Batch.Longs(new long[5])));
            assertEquals(400, count.status());
            assertEquals(4, remote.step(new Batch.Longs(new long[4])).size());
        }
        GymServerException unknown = assertThrows(GymServerException.class, () -> SocketVectorEnv.create(base, "NoSuchEnv-v0", 2,
                AutoresetMode.NEXT_STEP, OptionalLong.empty(), null));
        assertTrue(unknown.getMessage().contains("NoSuchEnv-v0"), unknown.getMessage());
    }

    @Test
    void bothTransportsSendTheTokenAndReportARefusal(@TempDir Path dataRoot) {
        String token = "vector-test-token";
        GymServer guarded = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofHours(1), 1 << 20, dataRoot, false)
                .withToken(token), REGISTRY).start();
        String url = "http://127.0.0.1:" + guarded.port();
        try {
            GymServerException refused = assertThrows(GymServerException.class, () -> SocketVectorEnv.create(url, "CartPole-v1", 2,
                    AutoresetMode.NEXT_STEP, OptionalLong.empty(), null));
            assertEquals(401, refused.status());
            assertTrue(refused.getMessage().contains("token"), refused.getMessage());
            try (VectorEnv socket = SocketVectorEnv.create(url, "CartPole-v1", 2, AutoresetMode.NEXT_STEP, OptionalLong.of(0), token);
                 VectorEnv http = RemoteVectorEnv.create(url, "CartPole-v1", 2, AutoresetMode.NEXT_STEP, OptionalLong.of(0),
                         RemoteVectorEnv.Encoding.BINARY, token)) {
                assertEquals(http.reset().observations(), socket.reset().observations());
            }
        } finally {
            guarded.stop();
        }
    }

    private static void assertSameReset(String at, VectorReset local, VectorReset remote) {
        assertEquals(local.observations(), remote.observations(), at);
        assertEquals(canonical(local.infos()), canonical(remote.infos()), at + " infos");
    }

    /** The infos as text that shows each entry's type and values, keys sorted. */
    @SuppressWarnings("unchecked")
    private static String canonical(Map<String, Object> infos) {
        Map<String, String> out = new TreeMap<>();
        infos.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? canonical((Map<String, Object>) m)
                : v instanceof long[] a ? "int64" + Arrays.toString(a)
                : v instanceof double[] a ? "float64" + Arrays.toString(a)
                : v instanceof boolean[] a ? "bool" + Arrays.toString(a)
                : v instanceof int[][] a ? "int8" + Arrays.deepToString(a)
                : "object" + Arrays.deepToString((Object[]) v)));
        return out.toString();
    }
}
