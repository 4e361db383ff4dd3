package io.jgym.sweeps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.runs.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep spec expanded into its configurations and runs: every list entry (or none) combined with
 * every grid point, each on every task with every seed. Run folders are named after what varies
 * ({@code learningRate_0.1-seed_3}), so a reader of {@code runs/<sweep>/} sees what each one is, and the
 * same spec always gives the same names: that is how a re-run finds the runs it already has.
 */
public final class SweepPlan {
    /** The file in a sweep's folder that lists its configurations and runs. */
    public static final String MANIFEST = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final SweepSpec spec;
    private final Path folder;
    private final List<Configuration> configurations;
    private final List<PlannedRun> runs;

    private SweepPlan(SweepSpec spec, Path folder, List<Configuration> configurations, List<PlannedRun> runs) {
        this.spec = spec;
        this.folder = folder;
        this.configurations = configurations;
        this.runs = runs;
    }

    /**
     * Expands {@code spec} into runs under {@code runsDir/<sweep name>/}.
     *
     * @throws IllegalArgumentException if two configurations would get the same folder name
     */
    public static SweepPlan of(SweepSpec spec, Path runsDir) {
        List<Configuration> configurations = new ArrayList<>();
        for (Map<String, Object> entry : spec.list().isEmpty() ? List.<Map<String, Object>>of(Map.of()) : spec.list()) {
            for (Map<String, Object> point : gridPoints(spec.grid())) {
                Map<String, Object> varying = new LinkedHashMap<>(entry);
                varying.putAll(point);
                configurations.add(new Configuration(label(varying), varying));
            }
        }
        Set<String> names = new HashSet<>();
        List<PlannedRun> runs = new ArrayList<>();
        for (Configuration configuration : configurations) {
            for (Optional<String> task : tasks(spec)) {
                for (long seed : spec.seeds()) {
                    Map<String, Object> settings = new LinkedHashMap<>(spec.settings());
                    settings.putAll(configuration.settings());
                    task.ifPresent(value -> settings.put(spec.taskKey().orElseThrow(), value));
                    settings.put("seed", seed);
                    String name = configuration.id() + task.map(value -> "-" + safe(value)).orElse("") + "-seed_" + safe(String.valueOf(seed));
                    if (!names.add(name)) {
                        throw new IllegalArgumentException("two runs of the sweep would share the folder " + name
                                + "; make the values of grid and list differ in letters or digits");
                    }
                    runs.add(new PlannedRun(name, configuration.id(), task, seed, settings));
                }
            }
        }
        return new SweepPlan(spec, runsDir.resolve(spec.name()), List.copyOf(configurations), List.copyOf(runs));
    }

    private static List<Map<String, Object>> gridPoints(Map<String, List<Object>> grid) {
        List<Map<String, Object>> points = List.of(Map.of());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    private static List<Optional<String>> tasks(SweepSpec spec) {
        return spec.taskKey().isEmpty() ? List.of(Optional.empty()) : spec.tasks().stream().map(t -> Optional.of(String.valueOf(t))).toList();
    }

    private static String label(Map<String, Object> varying) {
        if (varying.isEmpty()) {
            return "base";
        }
        return String.join("-", varying.entrySet().stream().map(e -> safe(e.getKey()) + "_" + safe(plain(e.getValue()))).toList());
    }

    /** A value as a folder name shows it: numbers without exponents (0.00025, not 2.5E-4). */
    private static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return java.math.BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static String safe(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9.]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** {@code runs/<sweep>/}: the runs' folders, the report and the summary. */
    public Path folder() {
        return folder;
    }

    public List<Configuration> configurations() {
        return configurations;
    }

    public List<PlannedRun> runs() {
        return runs;
    }

    /**
     * Writes {@code sweep.json} into the sweep's folder: the spec as resolved and every configuration
     * and run, so a reader (the dashboard, a person) can tell the folder is a sweep and follow its runs
     * through their {@code status.json} before the report exists.
     */
    public void writeManifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", spec.name());
        manifest.put("trainer", spec.trainer());
        manifest.put("preset", spec.preset().orElse(null));
        manifest.put("settings", spec.settings());
        manifest.put("metric", spec.metric());
        manifest.put("lastEpisodes", spec.lastEpisodes());
        manifest.put("configurations", configurations.stream().map(c -> Map.of("id", c.id(), "settings", c.settings())).toList());
        manifest.put("runs", runs.stream().map(r -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("name", r.name());
            run.put("configuration", r.configuration());
            run.put("task", r.task().orElse(null));
            run.put("seed", r.seed());
            return run;
        }).toList());
        try {
            Files.createDirectories(folder);
            AtomicFiles.writeString(folder.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.resolve(MANIFEST), e);
        }
    }

    /** What {@code --dry-run} prints: one line per run with its settings, after a line of totals. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("sweep %s: %s, %d configuration(s) x %d task(s) x %d seed(s) = %d runs in %s", spec.name(), spec.trainer(),
                configurations.size(), Math.max(1, spec.tasks().size()), spec.seeds().size(), runs.size(), folder));
        for (PlannedRun run : runs) {
            lines.add("  " + run.name() + ": " + String.join(" ",
                    run.settings().entrySet().stream().map(e -> Setting.flag(e.getKey()) + " " + e.getValue()).toList()));
        }
        return lines;
    }
}
