package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The R client's checks (gym routes and vector environments) and the course's DQN program, run by a
 * real Rscript against a real server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RClientTest {
    private static final String PACKAGES = "r-base-core r-cran-httr r-cran-jsonlite";
    private LiveServer server;

    @BeforeAll
    void start() {
        Script.requireInterpreter("Rscript", PACKAGES);
        server = new LiveServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientChecksPass() throws Exception {
        Script.Result r = Script.run(server.url(), "Rscript", Script.clientsDir().resolve("r/tests/test_client.R").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("R client: all"), r.output());
    }

    @Test
    void theTokenIsSentToAServerThatRequiresOne() throws Exception {
        String token = "r-test-token";
        try (LiveServer guarded = new LiveServer(token)) {
            Script.Result r = Script.run(Map.of("JGYM_TOKEN_SERVER", guarded.url(), "JGYM_TEST_TOKEN", token),
                    "Rscript", Script.clientsDir().resolve("r/tests/test_token.R").toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("R client token: all checks passed"), r.output());
        }
    }

    @Test
    void courseDqnLearnsCartPole() throws Exception {
        Script.Result r = Script.run(server.url(), "Rscript", Script.clientsDir().resolve("r/examples/cartpole_dqn.R").toString(),
                "150", "1", server.url());
        assertEquals(0, r.exitCode(), r.output());
        double first = mean(r.output(), "first");
        double last = mean(r.output(), "last");
        assertTrue(last > 2 * first && last > 50, "the agent must improve on its random start (~22): first " + first + ", last " + last);
    }

    private static double mean(String output, String which) {
        Matcher m = Pattern.compile("mean return of the " + which + " 20 episodes: ([0-9.]+)").matcher(output);
        assertTrue(m.find(), output);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void vecenvChecksPassIncludingAGymnasiumFixture() throws Exception {
        Script.Result r = Script.run(server.url(), "Rscript", Script.clientsDir().resolve("r/tests/test_vecenv.R").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("R vecenv client: all"), r.output());
    }
}
