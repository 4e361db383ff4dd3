package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every gym-http-api route over real HTTP, with the exact bytes the original server sends where a
 * client could depend on them: key order, float formatting, content types, empty 204 bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARTPOLE_SEED0_RESET =
            "{\"observation\":[0.013696168549358845,-0.023021329194307327,-0.04590264707803726,-0.04834723472595215]}\n";

    Path dataRoot;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataRoot = dir;
        server = new TestServer(dataRoot);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void createReturnsAnEightHexIdListedUnderBothKeys() throws IOException {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        assertTrue(id.matches("[0-9a-f]{8}"), id);
        TestServer.Response list = server.get("/v1/envs/");
        assertEquals("application/json", list.contentType());
        JsonNode body = JSON.readTree(list.body());
        assertEquals("CartPole-v1", body.get("all_envs").get(id).asText());
        assertEquals("CartPole-v1", body.get("envs").get(id).asText(), "RL4J's client reads 'envs'");
    }

    @Test
    void seedAtCreationGivesGymnasiumsFirstResetAndLaterResetsContinueTheGenerator() {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
        TestServer.Response reset = server.post("/v1/envs/" + id + "/reset/", null);
        assertEquals(200, reset.status());
        assertEquals("application/json", reset.contentType());
        assertEquals(CARTPOLE_SEED0_RESET, reset.body());
        assertEquals("{\"observation\":[0.031327024102211,0.04127555713057518,0.010663577355444431,0.02294965647161007]}\n",
                server.post("/v1/envs/" + id + "/reset/", "{}").body(), "second reset continues the seed-0 generator");
        assertEquals(CARTPOLE_SEED0_RESET, server.post("/v1/envs/" + id + "/reset/", "{\"seed\":0}").body(),
                "reset/ accepts a seed of its own");
    }

    @Test
    void stepAnswersWithSortedKeysAndAFloatReward() {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
        server.post("/v1/envs/" + id + "/reset/", null);
        TestServer.Response step = server.post("/v1/envs/" + id + "/step/", "{\"action\":1,\"render\":false,\"instance_id\":\"" + id + "\"}");
        assertEquals(200, step.status());
        assertEquals("application/json", step.contentType());
        assertEquals("{\"done\":false,\"info\":{},\"observation\":[0.013235742226243019,0.17272774875164032,"
                + "-0.04686959087848663,-0.3551521897315979],\"reward\":1.0}\n", step.body());
    }

    @Test
    void spacesDescribeThemselvesAsGymHttpApiDoes() {
        String id = server.create("{\"env_id\":\"CartPole-v0\"}");
        assertEquals("{\"info\":{\"n\":2,\"name\":\"Discrete\"}}\n", server.get("/v1/envs/" + id + "/action_space/").body());
        assertEquals("{\"info\":{\"high\":[4.800000190734863,1e+100,0.41887903213500977,1e+100],"
                + "\"low\":[-4.800000190734863,-1e+100,-0.41887903213500977,-1e+100],\"name\":\"Box\",\"shape\":[4]}}\n",
                server.get("/v1/envs/" + id + "/observation_space/").body());
        String lake = server.create("{\"env_id\":\"FrozenLake-v1\"}");
        assertEquals("{\"info\":{\"n\":16,\"name\":\"Discrete\"}}\n", server.get("/v1/envs/" + lake + "/observation_space").body());
    }

    @Test
    void seededSamplesFollowGymnasiumsActionSpaceSeed() {
        // CartPole-v1.json, seed 0, first 'sample' episode: actions drawn after action_space.seed(0).
        List<Integer> gymnasium = List.of(1, 1, 1, 0, 0, 0, 0, 0);
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < gymnasium.size(); i++) {
            TestServer.Response r = server.get("/v1/envs/" + id + "/action_space/sample");
            got.add(Integer.parseInt(r.body().replaceAll("(?s).*\"action\":(\\d+).*", "$1")));
        }
        assertEquals(gymnasium, got);
    }

    @Test
    void containsAnswersMembershipWithAndWithoutTrailingSlash() {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        assertEquals("{\"member\":true}\n", server.get("/v1/envs/" + id + "/action_space/contains/1").body());
        assertEquals("{\"member\":false}\n", server.get("/v1/envs/" + id + "/action_space/contains/2/").body());
        assertEquals("{\"member\":true}\n", server.post("/v1/envs/" + id + "/observation_space/contains",
                "{\"name\":\"Box\",\"shape\":[4]}").body());
        assertEquals("{\"member\":false}\n", server.post("/v1/envs/" + id + "/observation_space/contains/",
                "{\"name\":\"Discrete\"}").body());
    }

    @Test
    void everyRouteAnswersWithAndWithoutItsTrailingSlash() {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":3}");
        for (String suffix : new String[] {"", "/"}) {
            assertEquals(200, server.post("/v1/envs" + suffix, "{\"env_id\":\"CartPole-v1\"}").status());
            assertEquals(200, server.get("/v1/envs" + suffix).status());
            assertEquals(200, server.post("/v1/envs/" + id + "/reset" + suffix, null).status());
            assertEquals(200, server.post("/v1/envs/" + id + "/step" + suffix, "{\"action\":0}").status());
            assertEquals(200, server.get("/v1/envs/" + id + "/action_space" + suffix).status());
            assertEquals(200, server.get("/v1/envs/" + id + "/action_space/sample" + suffix).status());
            assertEquals(200, server.get("/v1/envs/" + id + "/observation_space" + suffix).status());
            assertEquals(200, server.post("/v1/envs/" + id + "/observation_space/contains" + suffix, "{}").status());
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start" + suffix, "{\"directory\":\"slash" + suffix.length() + "\",\"force\":true}").status());
            assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close" + suffix, null).status());
        }
    }

    @Test
    void bodiesMayBeEmptyNullEmptyObjectOrCarryExtraKeys() {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0,\"extra\":[1,2]}");
        assertEquals(CARTPOLE_SEED0_RESET, server.post("/v1/envs/" + id + "/reset/", "null").body());
        assertEquals(200, server.post("/v1/envs/" + id + "/reset/", "").status());
        assertEquals(200, server.post("/v1/envs/" + id + "/reset/", "{}").status());
        assertEquals(200, server.post("/v1/envs/" + id + "/reset/", "{\"instance_id\":\"" + id + "\"}").status());
        TestServer.Response get = server.send(HttpRequest.newBuilder(
                URI.create(server.base() + "/v1/envs/" + id + "/action_space/"))
                .header("Content-Type", "application/json").GET().build());
        assertEquals(200, get.status(), "a GET may carry a JSON content type");
    }

    @Test
    void closeAnswers204WithAnEmptyBodyAndForgetsTheInstance() {
        String id = server.create("{\"env_id\":\"CartPole-v1\"}");
        TestServer.Response close = server.post("/v1/envs/" + id + "/close/", null);
        assertEquals(204, close.status());
        assertEquals("", close.body());
        assertEquals("{\"message\":\"Instance_id " + id + " unknown\"}\n", server.post("/v1/envs/" + id + "/reset/", null).body());
    }

    @Test
    void creationOptionsConfigureTheEnvironment() {
        String id = server.create("{\"env_id\":\"FrozenLake-v1\",\"seed\":0,\"kwargs\":{\"is_slippery\":false}}");
        server.post("/v1/envs/" + id + "/reset/", null);
        String last = "";
        for (int action : new int[] {1, 1, 2, 2, 1, 2}) {
            last = server.post("/v1/envs/" + id + "/step/", "{\"action\":" + action + "}").body();
        }
        assertEquals("{\"done\":true,\"info\":{\"prob\":1.0},\"observation\":15,\"reward\":1.0}\n", last,
                "down, down, right, right, down, right reaches the goal on the non-slippery lake");
    }

    @Test
    void timeLimitEndsCartPoleV0At200StepsAndV1At500WithGymsTruncationFlag() throws IOException {
        assertEquals(200, stepsUntilDone("CartPole-v0"));
        assertEquals(500, stepsUntilDone("CartPole-v1"));
    }

    /** Balances with the fixtures' controller (push toward the lean) and counts steps until done. */
    private int stepsUntilDone(String envId) throws IOException {
        String id = server.create("{\"env_id\":\"" + envId + "\",\"seed\":1}");
        JsonNode obs = JSON.readTree(server.post("/v1/envs/" + id + "/reset/", null).body()).get("observation");
        for (int t = 1; ; t++) {
            int action = obs.get(2).asDouble() + 0.5 * obs.get(3).asDouble() > 0 ? 1 : 0;
            JsonNode step = JSON.readTree(server.post("/v1/envs/" + id + "/step/", "{\"action\":" + action + "}").body());
            obs = step.get("observation");
            if (step.get("done").asBoolean()) {
                assertTrue(step.get("info").get("TimeLimit.truncated").asBoolean(), "a time-limit end is flagged as in gym 0.21");
                return t;
            }
        }
    }

    @Test
    void renderAnswersAPngOfTheCurrentState() throws IOException {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
        TestServer.Response early = server.get("/v1/envs/" + id + "/render");
        assertEquals(400, early.status(), "nothing to render before reset");
        server.post("/v1/envs/" + id + "/reset/", null);
        HttpResponse<byte[]> png = server.getBytes("/v1/envs/" + id + "/render");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(600, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void monitorRecordsSelectedEpisodesAsAnimatedGifs() throws IOException {
        String id = server.create("{\"env_id\":\"FrozenLake-v1\",\"seed\":0}");
        assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/",
                "{\"directory\":\"videos\",\"force\":true,\"video_callable\":2}").status());
        List<Integer> lengths = new ArrayList<>();
        for (int episode = 0; episode < 3; episode++) {
            server.post("/v1/envs/" + id + "/reset/", null);
            int steps = 0;
            while (!server.post("/v1/envs/" + id + "/step/", "{\"action\":" + (steps % 4) + "}").body().startsWith("{\"done\":true")) {
                steps++;
            }
            lengths.add(steps + 1);
        }
        server.post("/v1/envs/" + id + "/monitor/close/", null);
        Path dir = dataRoot.resolve("videos");
        List<String> gifs;
        try (Stream<Path> files = Files.list(dir)) {
            gifs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gif")).sorted().toList();
        }
        assertEquals(2, gifs.size(), "episodes 0 and 2 of 3 are recorded with video_callable=2: " + gifs);
        assertTrue(gifs.get(0).matches("openaigym\\.video\\.\\d+\\.\\d+\\.video000000\\.gif"), gifs.get(0));
        assertEquals(lengths.get(0) + 1, gifFrames(dir.resolve(gifs.get(0))), "reset frame plus one per step");
        assertEquals(lengths.get(2) + 1, gifFrames(dir.resolve(gifs.get(1))));
    }

    private static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    @Test
    void monitorWritesGymStatsFilesUnderTheDataRoot() throws IOException {
        String id = server.create("{\"env_id\":\"CartPole-v1\",\"seed\":0}");
        assertEquals(204, server.post("/v1/envs/" + id + "/monitor/start/",
                "{\"directory\":\"/tmp/random-agent-results\",\"force\":true,\"resume\":false,\"video_callable\":false}").status());
        for (int episode = 0; episode < 2; episode++) {
            server.post("/v1/envs/" + id + "/reset/", null);
            while (!server.post("/v1/envs/" + id + "/step/", "{\"action\":1}").body().startsWith("{\"done\":true")) {
                // pushing right every step tips the pole within a few dozen steps
            }
        }
        assertEquals(204, server.post("/v1/envs/" + id + "/monitor/close/", null).status());
        Path dir = dataRoot.resolve("tmp/random-agent-results");
        Path stats;
        Path manifest;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            stats = all.stream().filter(p -> p.getFileName().toString().matches("openaigym\\.episode_batch\\.\\d+\\.\\d+\\.stats\\.json")).findFirst().orElseThrow();
            manifest = all.stream().filter(p -> p.getFileName().toString().matches("openaigym\\.manifest\\.\\d+\\.\\d+\\.manifest\\.json")).findFirst().orElseThrow();
        }
        JsonNode s = JSON.readTree(stats.toFile());
        assertEquals(2, s.get("episode_lengths").size());
        assertEquals(s.get("episode_lengths").get(0).asDouble(), s.get("episode_rewards").get(0).asDouble(), "CartPole pays 1 per step");
        assertEquals(2, s.get("timestamps").size());
        assertTrue(s.get("initial_reset_timestamp").asDouble() > 1.6e9);
        assertEquals(stats.getFileName().toString(), JSON.readTree(manifest.toFile()).get("stats").asText());
        assertEquals("CartPole-v1", JSON.readTree(manifest.toFile()).get("env_info").get("env_id").asText());

        TestServer.Response again = server.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"/tmp/random-agent-results\"}");
        assertEquals(400, again.status(), "existing monitor files without force or resume are refused, as in gym");
        assertTrue(again.body().contains("use 'force=True'"), again.body());
    }
}
