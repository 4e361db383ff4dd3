package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/http-api.md and the server's own route list must agree both ways: no documented route the
 * server does not serve, no served route left out. Every route is then called and must answer
 * without a 404, 405 or any 5xx.
 */
class ApiDocsTest {
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| (GET|POST|DELETE) \\| `([^`]+)` \\|", Pattern.MULTILINE);

    private static Set<String> documented() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("jgym.docs.dir"), "http-api.md"));
        Set<String> routes = new TreeSet<>();
        Matcher m = ROUTE_ROW.matcher(doc);
        while (m.find()) {
            String path = m.group(2).replace("<id>", "{id}").replace("<x>", "{x}").replaceAll("/$", "");
            routes.add(m.group(1) + " " + path);
        }
        return routes;
    }

    @Test
    void theDocsListExactlyTheServedRoutesAndEachOneAnswers(@TempDir Path dataRoot) throws IOException {
        try (TestServer server = new TestServer(dataRoot, 10, false)) {
            assertEquals(new TreeSet<>(server.server.routeList()), documented());
            String id = server.create("{\"env_id\":\"CartPole-v1\"}");
            server.post("/v1/envs/" + id + "/reset/", null);
            for (String route : server.server.routeList()) {
                String[] parts = route.split(" ");
                String path = parts[1].replace("{id}", id).replace("{x}", "1").replace("<path>", "metrics.csv");
                TestServer.Response r = parts[0].equals("POST") ? server.post(path, "{}") : server.send(parts[0], path, null);
                assertTrue(r.status() != 404 && r.status() != 405 && r.status() < 500, route + " answered " + r.status() + " " + r.body());
                assertTrue(r.status() == 204 || r.contentType().startsWith("application/json") || r.contentType().equals("image/png")
                        || (route.equals("GET /metrics") && r.contentType().startsWith("text/plain")), route + ": " + r.contentType());
            }
        }
    }
}
