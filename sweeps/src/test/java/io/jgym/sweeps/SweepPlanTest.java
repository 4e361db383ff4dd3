package io.jgym.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads sweep files (YAML and JSON) and expands them into the runs a user expects, with errors that name the key. */
class SweepPlanTest {
    @TempDir
    Path dir;

    @Test
    void gridTimesListTimesTasksTimesSeedsInSpecOrder() throws Exception {
        Path file = dir.resolve("lake.yaml");
        Files.writeString(file, """
                trainer: q-learning
                settings: {episodes: 300}
                grid:
                  learningRate: [0.1, 0.5]
                list:
                  - {gamma: 0.9}
                  - {gamma: 0.99}
                tasks: {env: [FrozenLake-v1, CliffWalking-v1]}
                seeds: 2
                score: {metric: charts/episodic_return, lastEpisodes: 50}
                """);
        SweepPlan plan = SweepPlan.of(SweepSpec.read(file), dir.resolve("runs"));
        assertEquals(dir.resolve("runs/lake"), plan.folder());
        assertEquals(List.of("gamma_0.9-learningRate_0.1", "gamma_0.9-learningRate_0.5", "gamma_0.99-learningRate_0.1",
                "gamma_0.99-learningRate_0.5"), plan.configurations().stream().map(Configuration::id).toList());
        assertEquals(4 * 2 * 2, plan.runs().size());
        PlannedRun first = plan.runs().get(0);
        assertEquals("gamma_0.9-learningRate_0.1-FrozenLake_v1-seed_1", first.name());
        assertEquals(Map.of("episodes", 300, "gamma", 0.9, "learningRate", 0.1, "env", "FrozenLake-v1", "seed", 1L), first.settings());
        assertEquals(50, plan.spec().lastEpisodes());
        assertTrue(plan.describe().get(0).contains("4 configuration(s) x 2 task(s) x 2 seed(s) = 16 runs"), plan.describe().get(0));
        assertTrue(plan.describe().get(1).contains("--learning-rate 0.1"), plan.describe().get(1));
        plan.writeManifest();
        String manifest = Files.readString(plan.folder().resolve(SweepPlan.MANIFEST));
        assertTrue(manifest.contains("\"name\" : \"gamma_0.9-learningRate_0.1-FrozenLake_v1-seed_1\"") && manifest.contains("\"task\" : \"CliffWalking-v1\""),
                manifest);
    }

    @Test
    void jsonWithSeedListAndNoGridIsOneBaseConfiguration() throws Exception {
        Path file = dir.resolve("plain.json");
        Files.writeString(file, "{\"name\": \"p1\", \"trainer\": \"dqn\", \"preset\": \"cartpole\", \"seeds\": [7, 9]}");
        SweepPlan plan = SweepPlan.of(SweepSpec.read(file), dir);
        assertEquals(List.of("base-seed_7", "base-seed_9"), plan.runs().stream().map(PlannedRun::name).toList());
        assertEquals("cartpole", plan.spec().preset().orElseThrow());
        assertEquals(SweepSpec.DEFAULT_METRIC, plan.spec().metric());
    }

    @Test
    void mistakesAreNamed() throws Exception {
        assertEquals(true, error("trainer: x\nseeds: 2\ngrdi: {a: [1]}\n").contains("unknown key 'grdi'"));
        assertEquals(true, error("trainer: x\n").contains("seeds is missing"));
        assertEquals(true, error("trainer: x\nseeds: 2\nsettings: {seed: 3}\n").contains("give seeds instead"));
        assertEquals(true, error("trainer: x\nseeds: 2\ngrid: {a: 3}\n").contains("grid.a must be a list"));
        assertEquals(true, error("trainer: x\nseeds: [1, 1]\n").contains("repeat"));
        assertEquals(true, error("trainer: [x\n").contains("cannot read the sweep"));
        assertEquals(true, error("trainer: x\nseeds: 1\ngrid: {a: [x y, x_y]}\n").contains("share the folder"));
    }

    private String error(String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        return assertThrows(IllegalArgumentException.class, () -> SweepPlan.of(SweepSpec.read(file), dir)).getMessage();
    }
}
