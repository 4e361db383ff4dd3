package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/http-api.md must not promise a route the server does not serve, nor leave one out. */
class ApiDocsTest {
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| (GET|POST) \\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final int SERVED_ROUTES = 15;

    @Test
    void everyDocumentedRouteIsServed(@TempDir Path dataRoot) throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("jgym.docs.dir"), "http-api.md"));
        List<String> routes = new ArrayList<>();
        Matcher m = ROUTE_ROW.matcher(doc);
        while (m.find()) {
            routes.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(SERVED_ROUTES, routes.size(), "documented routes: " + routes);
        try (TestServer server = new TestServer(dataRoot, 10, false)) {
            String id = server.create("{\"env_id\":\"CartPole-v1\"}");
            for (String route : routes) {
                String[] parts = route.split(" ");
                String path = parts[1].replace("<id>", id).replace("<x>", "1");
                TestServer.Response r = parts[0].equals("GET") ? server.get(path) : server.post(path, "{}");
                assertTrue(r.status() != 404 && r.status() != 405, route + " answered " + r.status() + " " + r.body());
                assertTrue(r.status() == 204 || r.contentType().equals("application/json") || r.contentType().equals("image/png"), route);
            }
        }
    }
}
