package io.jgym.server;

import io.jgym.contracts.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Records episode statistics into a directory in the files gym's {@code Monitor} wrote, so tools
 * that read them keep working: {@code openaigym.episode_batch.<id>.<pid>.stats.json} (episode
 * lengths, rewards, end timestamps, types) and {@code openaigym.manifest.<id>.<pid>.manifest.json}
 * pointing at it. Both are rewritten atomically after every finished episode and on close, so a
 * crash loses at most the episode in progress. An episode abandoned by a reset is not recorded.
 */
final class EpisodeMonitor {
    private static final String PREFIX = "openaigym.";
    private static final long PID = ProcessHandle.current().pid();

    private final Path directory;
    private final String envId;
    private final Path statsFile;
    private final Path manifestFile;
    private final List<Double> timestamps = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<Double> rewards = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private Double initialResetTimestamp;
    private int steps;
    private double episodeReward;
    private boolean inEpisode;

    /**
     * Opens a monitor on {@code directory}. With {@code force}, earlier {@code openaigym.*} files are
     * deleted; without it (and without {@code resume}) existing monitor files are an error, as in gym.
     */
    EpisodeMonitor(Path directory, String envId, int monitorId, boolean force, boolean resume) {
        this.directory = directory;
        this.envId = envId;
        try {
            Files.createDirectories(directory);
            List<Path> existing = monitorFiles(directory);
            if (force) {
                for (Path p : existing) {
                    Files.delete(p);
                }
            } else if (!resume && existing.stream().anyMatch(p -> p.getFileName().toString().contains(".manifest."))) {
                throw ApiException.badRequest("Trying to write to monitor directory " + directory
                        + " with existing monitor files: " + existing.stream().map(p -> p.getFileName().toString()).sorted().toList()
                        + ". You should use a unique directory for each training run, or use 'force=True'"
                        + " to automatically clear previous monitor files.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare monitor directory " + directory, e);
        }
        String infix = monitorId + "." + PID;
        statsFile = directory.resolve(PREFIX + "episode_batch." + infix + ".stats.json");
        manifestFile = directory.resolve(PREFIX + "manifest." + infix + ".manifest.json");
    }

    private static List<Path> monitorFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
        }
    }

    void onReset() {
        if (initialResetTimestamp == null) {
            initialResetTimestamp = now();
        }
        steps = 0;
        episodeReward = 0;
        inEpisode = true;
    }

    void onStep(Step step) {
        if (!inEpisode) {
            return;
        }
        steps++;
        episodeReward += step.reward();
        if (step.done()) {
            lengths.add(steps);
            rewards.add(episodeReward);
            timestamps.add(now());
            types.add("t");
            inEpisode = false;
            flush();
        }
    }

    /** Writes the stats and manifest files. */
    void flush() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("initial_reset_timestamp", initialResetTimestamp);
        stats.put("timestamps", timestamps);
        stats.put("episode_lengths", lengths);
        stats.put("episode_rewards", rewards);
        stats.put("episode_types", types);
        AtomicFiles.writeString(statsFile, FlaskJson.dumps(stats));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("stats", statsFile.getFileName().toString());
        manifest.put("videos", List.of());
        manifest.put("env_info", Map.of("env_id", envId, "gym_version", "jgym"));
        AtomicFiles.writeString(manifestFile, FlaskJson.dumps(manifest));
    }

    Path directory() {
        return directory;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
