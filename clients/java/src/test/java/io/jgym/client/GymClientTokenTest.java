package io.jgym.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.EnvRegistry;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client against a real server started with a token: refused without it, served with it. */
class GymClientTokenTest {

    @Test
    void theTokenIsSentOnEveryRequest(@TempDir Path dataRoot) {
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofHours(1), 1 << 20, dataRoot, false)
                .withToken("java-test-token"), EnvRegistry.discover()).start();
        String base = "http://127.0.0.1:" + server.port();
        try {
            try (GymClient anonymous = new GymClient(base, "")) {
                GymServerException refused = assertThrows(GymServerException.class, anonymous::envListAll);
                assertEquals(401, refused.status());
                assertTrue(refused.getMessage().contains("needs a token"), refused.getMessage());
            }
            try (GymClient client = new GymClient(base, "java-test-token")) {
                String id = client.envCreate("CartPole-v1");
                client.envReset(id);
                assertTrue(client.envStep(id, "1", false).has("reward"));
                client.envClose(id);
            }
        } finally {
            server.stop();
        }
    }
}
