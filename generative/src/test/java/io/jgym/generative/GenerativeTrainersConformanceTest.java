package io.jgym.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.generative.data.TestImages;
import io.jgym.runs.kit.TrainerKit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trainer test kit over every trainer this module registers: same seed, declared metrics,
 * cancel and resume, kill and resume, extend, and sampling from a checkpoint, each with settings
 * small enough to finish in seconds (MNIST-format trainers read tiny IDX files of 28x28 bars;
 * colour trainers draw a few 16x16 shapes).
 */
class GenerativeTrainersConformanceTest {
    @TempDir
    static Path shared;
    private static String idx;

    @BeforeAll
    static void writeTinyIdxFiles() throws IOException {
        idx = TestImages.writeIdx(shared.resolve("bars"), TestImages.bars(64, 1, 1, 28), TestImages.bars(32, 2, 1, 28)).toString();
    }

    /** Tiny settings and a larger budget per trainer name. */
    private static Map<String, TrainerKit.Case> cases() {
        Map<String, Map<String, Object>> tiny = new HashMap<>();
        tiny.put("sine-gan", Map.of("epochs", 4, "waves", 20, "points", 32, "generatorLayers", List.of(8),
                "discriminatorLayers", List.of(8), "batchSize", 10, "pack", 2, "trace", 2, "evalSamples", 20));
        tiny.put("points-gan", Map.of("epochs", 4, "samples", 100, "latentSize", 2, "generatorLayers", List.of(8),
                "discriminatorLayers", List.of(8), "batchSize", 50, "frameEvery", 2, "evalSamples", 50));
        tiny.put("dense-gan", Map.of("data", idx, "epochs", 3, "latentSize", 8, "generatorLayers", List.of(16),
                "discriminatorLayers", List.of(16), "batchSize", 16, "evalSamples", 32));
        tiny.put("dcgan-rgb", Map.of("imageSize", 16, "shapes", 64, "epochs", 3, "latentSize", 8,
                "generatorFilters", List.of(8, 4), "discriminatorFilters", List.of(4, 8), "batchSize", 16, "evalSamples", 16));
        tiny.put("dense-ae", Map.of("data", idx, "epochs", 3, "encoderLayers", List.of(16), "batchSize", 16, "evalImages", 32));
        tiny.put("conv-ae", Map.of("data", idx, "epochs", 3, "batchSize", 16, "evalImages", 16));
        tiny.put("vae", Map.of("data", idx, "epochs", 3, "filters", List.of(4, 8), "denseWidth", 8, "batchSize", 16,
                "evalImages", 16));
        tiny.put("conv-vae-rgb", Map.of("imageSize", 16, "shapes", 64, "epochs", 3, "filters", List.of(4, 8), "denseWidth", 8,
                "latentSize", 4, "batchSize", 16, "evalImages", 8));
        Map<String, TrainerKit.Case> cases = new HashMap<>();
        for (TrainerProvider<?, ?> provider : registered()) {
            Map<String, Object> settings = tiny.get(provider.name());
            if (settings != null) {
                int epochs = (Integer) settings.get("epochs");
                cases.put(provider.name(), new TrainerKit.Case(provider, settings, Map.of("epochs", epochs + 1)));
            }
        }
        return cases;
    }

    /** The providers this module registers (another jar on the test classpath may register more). */
    private static List<TrainerProvider<?, ?>> registered() {
        List<TrainerProvider<?, ?>> providers = new ArrayList<>();
        for (TrainerProvider<?, ?> provider : ServiceLoader.load(TrainerProvider.class)) {
            if (provider.getClass().getPackageName().startsWith("io.jgym.generative")) {
                providers.add(provider);
            }
        }
        return providers;
    }

    static Stream<TrainerKit.Case> trainers() {
        return cases().values().stream().sorted(java.util.Comparator.comparing(TrainerKit.Case::toString));
    }

    @Test
    void everyRegisteredTrainerHasATinyCase() {
        Set<String> names = registered().stream().map(TrainerProvider::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("sine-gan", "points-gan", "dense-gan", "dcgan-rgb", "dense-ae", "conv-ae", "vae",
                "conv-vae-rgb")), names, "the eight generative trainers are registered");
        assertEquals(names, new TreeSet<>(cases().keySet()), "every registered trainer is checked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainers")
    void passesTheTrainerKit(TrainerKit.Case trainer, @TempDir Path dir) {
        TrainerKit.checkAll(trainer, dir);
    }
}
