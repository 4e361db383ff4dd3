package io.jgym.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Value;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteEnv} against a real jgym server: it must be indistinguishable from the in-process
 * environment (same spaces, observations, rewards, terminated/truncated for the same seed), and
 * server errors must arrive as {@link GymServerException}s carrying the server's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteEnvTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    GymServer server;
    String base;

    @BeforeAll
    void start(@TempDir Path dataRoot) {
        server = GymServer.create(new ServerConfig("127.0.0.1", 0, 100, Duration.ofHours(1), 1 << 20, dataRoot, false),
                REGISTRY).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void remoteAndLocalCartPoleAgreeStepForStepIncludingTruncation() {
        try (Env local = REGISTRY.make("CartPole-v0");
             RemoteEnv remote = RemoteEnv.create(base, "CartPole-v0", OptionalLong.of(7))) {
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            for (int episode = 0; episode < 3; episode++) {
                Reset l = episode == 0 ? local.reset(7) : local.reset();
                Reset r = remote.reset();
                assertEquals(l.observation(), r.observation(), "reset " + episode);
                List<Step> localSteps = play(local, l.observation());
                List<Step> remoteSteps = play(remote, r.observation());
                assertEquals(localSteps.size(), remoteSteps.size(), "episode length " + episode);
                for (int t = 0; t < localSteps.size(); t++) {
                    Step a = localSteps.get(t);
                    Step b = remoteSteps.get(t);
                    assertEquals(a.observation(), b.observation(), "episode " + episode + " t=" + t);
                    assertEquals(a.reward(), b.reward());
                    assertEquals(a.terminated(), b.terminated());
                    assertEquals(a.truncated(), b.truncated());
                }
            }
        }
    }

    /** The fixtures' balancing controller, so episodes run to the 200-step limit as well as falling. */
    private static List<Step> play(Env env, Value first) {
        List<Step> steps = new ArrayList<>();
        double[] obs = first.toDoubles();
        int t = 0;
        while (true) {
            int action = obs[2] + 0.5 * obs[3] > 0 || t++ % 7 == 0 ? 1 : 0;
            Step s = env.step(Value.of(action));
            steps.add(s);
            if (s.done()) {
                return steps;
            }
            obs = s.observation().toDoubles();
        }
    }

    @Test
    void discreteObservationsAndInfoComeBack() {
        try (RemoteEnv lake = RemoteEnv.create(base, "FrozenLake-v1", OptionalLong.of(0))) {
            assertEquals(Value.of(0), lake.reset().observation());
            Step s = lake.step(Value.of(3));
            assertEquals(Value.of(1), s.observation(), "Gymnasium's seed-0 slippery lake slides right on 'up'");
            assertEquals(0.33333333333333337, ((Number) s.info().get("prob")).doubleValue());
        }
    }

    @Test
    void serverErrorsCarryTheServersMessageAndStatus() {
        try (GymClient client = new GymClient(base)) {
            GymServerException unknownEnv = assertThrows(GymServerException.class, () -> client.envCreate("Nope-v9"));
            assertEquals(400, unknownEnv.status());
            assertEquals("Attempted to look up malformed environment ID 'Nope-v9'", unknownEnv.getMessage());
            GymServerException unknownId = assertThrows(GymServerException.class, () -> client.envReset("00000000"));
            assertEquals("Instance_id 00000000 unknown", unknownId.getMessage());
            String id = client.envCreate("CartPole-v1");
            assertTrue(client.envListAll().containsKey(id));
            assertTrue(client.envActionSpaceContains(id, 1));
            client.envClose(id);
        }
    }

    @Test
    void anUnreachableServerIsReportedClearly() {
        GymServerException e = assertThrows(GymServerException.class, () -> RemoteEnv.create("http://127.0.0.1:1", "CartPole-v1", OptionalLong.empty()));
        assertTrue(e.getMessage().startsWith("Cannot reach the gym server at http://127.0.0.1:1"), e.getMessage());
    }

    @Test
    void closingTwiceIsSafeAndActionsOutsideTheSpaceAreRefusedLocally() {
        RemoteEnv env = RemoteEnv.create(base, "CartPole-v1", OptionalLong.empty());
        env.reset();
        assertThrows(IllegalArgumentException.class, () -> env.step(Value.of(5)));
        env.close();
        env.close();
    }
}
