package io.jgym.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.kit.TrainerKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trainer kit over every trainer this module registers: same seed, declared metrics, cancel
 * and resume, kill and resume, extend, and the saved model playing, each with tiny settings.
 */
class AgentTrainersConformanceTest {

    /** Tiny settings and a larger budget per registered trainer name; every registered trainer must have one. */
    private static final Map<String, Map<String, Object>[]> SETTINGS = new TreeMap<>();

    static {
        put("dqn", Map.ofEntries(
                        Map.entry("seed", 5), Map.entry("maxSteps", 400), Map.entry("maxEpisodes", 5), Map.entry("learningRateEnd", 1e-4),
                        Map.entry("hiddenLayers", List.of(16)), Map.entry("bufferSize", 1_000), Map.entry("batchSize", 16),
                        Map.entry("learningStarts", 20), Map.entry("trainFrequency", 1), Map.entry("evalEvery", 40),
                        Map.entry("evalEpisodes", 2), Map.entry("checkpointEvery", 1)),
                Map.of("maxEpisodes", 7));
        put("rl4j-dqn", Map.of("seed", 5, "maxSteps", 150, "numLayers", 1, "numHiddenNodes", 8, "bufferSize", 1_000,
                        "updateStart", 10, "epsilonSteps", 100),
                Map.of("maxSteps", 300));
    }

    @SuppressWarnings("unchecked")
    private static void put(String name, Map<String, Object> tiny, Map<String, Object> extension) {
        SETTINGS.put(name, new Map[] {tiny, extension});
    }

    private static List<TrainerProvider<?, ?>> registered() {
        return ServiceLoader.load(TrainerProvider.class).stream().map(p -> (TrainerProvider<?, ?>) p.get())
                .filter(p -> p.getClass().getPackageName().startsWith("io.jgym.agents")).collect(Collectors.toList());
    }

    static List<TrainerKit.Case> cases() {
        return registered().stream()
                .map(p -> new TrainerKit.Case(p, SETTINGS.get(p.name())[0], SETTINGS.get(p.name())[1])).toList();
    }

    @Test
    void everyRegisteredTrainerHasACase() {
        assertEquals(SETTINGS.keySet(), registered().stream().map(TrainerProvider::name).collect(Collectors.toSet()));
        assertEquals(Set.of("dqn", "rl4j-dqn"), SETTINGS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesTheTrainerKit(TrainerKit.Case trainer, @TempDir Path dir) {
        TrainerKit.checkAll(trainer, dir);
    }
}
