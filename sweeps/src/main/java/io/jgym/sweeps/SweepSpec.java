package io.jgym.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a sweep runs, as its YAML or JSON file says (docs/sweeps.md): a trainer and preset, settings
 * every run shares (usually the budget), a grid and/or a list of configurations, the seeds, optional
 * tasks (one config key, such as {@code env}, whose values are the environments or datasets each
 * configuration runs on, and by which the bootstrap is stratified), and how each run is scored.
 *
 * @param name          the sweep's folder under the runs folder
 * @param trainer       the trainer's name, as in {@code ./jgym trainers}
 * @param preset        the preset every run starts from; empty: the trainer's default
 * @param settings      config keys to values shared by every run
 * @param grid          config keys to the values to try; every combination is a configuration
 * @param list          explicit configurations (key to value), each combined with every grid point
 * @param seeds         the seeds each configuration runs with
 * @param taskKey       the config key that names a task; empty when the sweep has one task
 * @param tasks         the task key's values
 * @param metric        the metric a run is scored by, as in metrics.csv
 * @param lastEpisodes  a run's score is the mean of the metric over this many last episodes that reported it
 * @param bootstrapReps resamples behind every confidence interval
 */
public record SweepSpec(String name, String trainer, Optional<String> preset, Map<String, Object> settings,
                        Map<String, List<Object>> grid, List<Map<String, Object>> list, List<Long> seeds,
                        Optional<String> taskKey, List<Object> tasks, String metric, int lastEpisodes, int bootstrapReps) {
    /** The metric every jgym agent reports, and the default score. */
    public static final String DEFAULT_METRIC = "charts/episodic_return";
    /** rliable's number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_REPS = 50_000;
    private static final int DEFAULT_LAST_EPISODES = 100;
    private static final Set<String> KEYS = Set.of("name", "trainer", "preset", "settings", "grid", "list", "seeds", "tasks",
            "score", "bootstrap");
    private static final ObjectMapper YAML = new YAMLMapper();

    public SweepSpec {
        require(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
                "name must be a plain folder name (letters, digits, '.', '_', '-'), got '" + name + "'");
        require(trainer != null && !trainer.isBlank(), "trainer is missing: name the trainer to sweep, e.g. trainer: dqn");
        require(!seeds.isEmpty(), "seeds must name at least one seed");
        require(seeds.stream().distinct().count() == seeds.size(), "seeds repeat a seed: " + seeds);
        require(lastEpisodes > 0, "score.lastEpisodes must be positive, got " + lastEpisodes);
        require(bootstrapReps > 0, "bootstrap.reps must be positive, got " + bootstrapReps);
        require(taskKey.isEmpty() || !tasks.isEmpty(), "tasks." + taskKey.orElse("") + " needs at least one value");
        grid.forEach((key, values) -> require(!values.isEmpty(), "grid." + key + " needs at least one value"));
        List<String> chosen = new ArrayList<>(settings.keySet());
        chosen.addAll(grid.keySet());
        list.forEach(entry -> chosen.addAll(entry.keySet()));
        require(!chosen.contains("seed"), "the sweep sets each run's seed: give seeds instead of a seed setting");
        taskKey.ifPresent(key -> require(!chosen.contains(key), key + " is the task key: give its values under tasks only"));
        for (String key : grid.keySet()) {
            require(!settings.containsKey(key), key + " is both in settings and in grid; keep it in one place");
        }
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        grid = new LinkedHashMap<>(grid);
        list = List.copyOf(list);
        seeds = List.copyOf(seeds);
        tasks = List.copyOf(tasks);
    }

    /**
     * Reads a sweep file, YAML or JSON (JSON is YAML too). The sweep is named after the file unless it
     * says otherwise.
     *
     * @throws IllegalArgumentException naming the file and the key at fault
     */
    public static SweepSpec read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the sweep " + file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String fallback = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        try {
            return parse(root, fallback);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The spec in {@code root}, named {@code fallbackName} unless it has a name. */
    static SweepSpec parse(JsonNode root, String fallbackName) {
        require(root != null && root.isObject(), "a sweep is a mapping with trainer, seeds and grid or list");
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            require(KEYS.contains(key), "unknown key '" + key + "'; a sweep has " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        JsonNode score = object(root, "score");
        JsonNode tasks = object(root, "tasks");
        require(tasks.size() <= 1, "tasks takes one key (e.g. env) with its list of values");
        Optional<String> taskKey = tasks.size() == 1 ? Optional.of(tasks.fieldNames().next()) : Optional.empty();
        return new SweepSpec(text(root, "name").orElse(fallbackName), text(root, "trainer").orElse(null), text(root, "preset"),
                mapping(object(root, "settings"), "settings"), grid(object(root, "grid")), list(root.path("list")), seeds(root.path("seeds")),
                taskKey, taskKey.map(key -> values(tasks.get(key), "tasks." + key)).orElse(List.of()),
                text(score, "metric").orElse(DEFAULT_METRIC), score.path("lastEpisodes").asInt(DEFAULT_LAST_EPISODES),
                object(root, "bootstrap").path("reps").asInt(DEFAULT_BOOTSTRAP_REPS));
    }

    private static JsonNode object(JsonNode node, String key) {
        JsonNode child = node.path(key);
        require(child.isMissingNode() || child.isObject(), key + " must be a mapping");
        return child.isMissingNode() ? YAML.createObjectNode() : child;
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode child = node.path(key);
        require(child.isMissingNode() || child.isValueNode(), key + " must be a single value");
        return child.isMissingNode() ? Optional.empty() : Optional.of(child.asText());
    }

    private static Map<String, Object> mapping(JsonNode node, String where) {
        require(node.isObject(), where + " must be a mapping of config keys to values");
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(field -> values.put(field.getKey(), YAML.convertValue(field.getValue(), Object.class)));
        return values;
    }

    private static List<Object> values(JsonNode node, String where) {
        require(node.isArray(), where + " must be a list of values");
        List<Object> values = new ArrayList<>();
        node.forEach(value -> values.add(YAML.convertValue(value, Object.class)));
        return values;
    }

    private static Map<String, List<Object>> grid(JsonNode node) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        node.properties().forEach(field -> grid.put(field.getKey(), values(field.getValue(), "grid." + field.getKey())));
        return grid;
    }

    private static List<Map<String, Object>> list(JsonNode node) {
        if (node.isMissingNode()) {
            return List.of();
        }
        require(node.isArray(), "list must be a list of configurations (mappings of config keys to values)");
        List<Map<String, Object>> list = new ArrayList<>();
        node.forEach(entry -> list.add(mapping(entry, "each entry of list")));
        return list;
    }

    private static List<Long> seeds(JsonNode node) {
        require(!node.isMissingNode(), "seeds is missing: give a count (seeds: 5 runs seeds 1..5) or a list of seeds");
        if (node.isIntegralNumber()) {
            require(node.asLong() > 0, "seeds must be a positive count or a list, got " + node.asLong());
            return java.util.stream.LongStream.rangeClosed(1, node.asLong()).boxed().toList();
        }
        require(node.isArray(), "seeds must be a count or a list of seeds");
        List<Long> seeds = new ArrayList<>();
        node.forEach(seed -> {
            require(seed.isIntegralNumber(), "seeds must be whole numbers, got " + seed);
            seeds.add(seed.asLong());
        });
        return seeds;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
