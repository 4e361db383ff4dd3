package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The R vector-environment functions ({@code clients/r/vecenv.R}), run by a real Rscript against a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RVectorClientTest {
    private LiveServer server;

    @BeforeAll
    void start() {
        Script.requireInterpreter("Rscript", "r-base-core r-cran-httr r-cran-jsonlite");
        server = new LiveServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void vecenvChecksPassIncludingAGymnasiumFixture() throws Exception {
        Script.Result r = Script.run(server.url(), "Rscript", Script.clientsDir().resolve("r/tests/test_vecenv.R").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("R vecenv client: all"), r.output());
    }
}
