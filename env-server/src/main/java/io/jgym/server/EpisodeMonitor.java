package io.jgym.server;

import io.jgym.contracts.Frame;
import io.jgym.contracts.Step;
import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Records episode statistics into a directory in the files gym's {@code Monitor} wrote, so tools
 * that read them keep working: {@code openaigym.episode_batch.<id>.<pid>.stats.json} (episode
 * lengths, rewards, end timestamps, types) and {@code openaigym.manifest.<id>.<pid>.manifest.json}
 * pointing at it. Both are rewritten atomically after every finished episode and on close, so a
 * crash loses at most the episode in progress. An episode abandoned by a reset is not recorded.
 * Selected episodes can also be recorded as pictures by an {@link EpisodeRecorder}.
 */
final class EpisodeMonitor {
    private static final String PREFIX = "openaigym.";
    private static final long PID = ProcessHandle.current().pid();

    private final String envId;
    private final Path statsFile;
    private final Path manifestFile;
    private final List<Double> timestamps = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<Double> rewards = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final EpisodeRecorder recorder;
    private Double initialResetTimestamp;
    private int episodes;
    private int steps;
    private double episodeReward;
    private boolean inEpisode;

    /**
     * Opens a monitor on {@code directory}. With {@code force}, earlier {@code openaigym.*} files are
     * deleted; without it (and without {@code resume}) existing monitor files are an error, as in gym.
     *
     * @param recording how to record episodes as pictures, or null for statistics only
     */
    EpisodeMonitor(Path directory, String envId, int monitorId, boolean force, boolean resume, Recording recording) {
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
        recorder = recording == null ? null
                : new EpisodeRecorder(directory, PREFIX + "video." + infix, recording.every(), recording.format(), recording.renderer());
    }

    /**
     * Which episodes to record and how: gym's {@code video_callable} as "every n-th episode".
     *
     * @param every    record episodes 0, n, 2n, ...
     * @param format   GIF or PNG frames
     * @param renderer draws the environment
     */
    record Recording(int every, EpisodeRecorder.Format format, Supplier<Optional<Frame>> renderer) {
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
        if (recorder != null) {
            recorder.onReset(episodes);
        }
        episodes++;
    }

    void onStep(Step step) {
        if (!inEpisode) {
            return;
        }
        steps++;
        episodeReward += step.reward();
        if (recorder != null) {
            recorder.capture();
        }
        if (step.done()) {
            if (recorder != null) {
                recorder.finish();
            }
            lengths.add(steps);
            rewards.add(episodeReward);
            timestamps.add(now());
            types.add("t");
            inEpisode = false;
            flush();
        }
    }

    /** Ends a recording in progress and writes the stats and manifest files; for monitor close. */
    void close() {
        if (recorder != null) {
            recorder.finish();
        }
        flush();
    }

    /** Writes the stats and manifest files. */
    private void flush() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("initial_reset_timestamp", initialResetTimestamp);
        stats.put("timestamps", timestamps);
        stats.put("episode_lengths", lengths);
        stats.put("episode_rewards", rewards);
        stats.put("episode_types", types);
        AtomicFiles.writeString(statsFile, FlaskJson.dumps(stats));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("stats", statsFile.getFileName().toString());
        manifest.put("videos", recorder == null ? List.of() : recorder.videos().stream().map(v -> List.of(v, "")).toList());
        manifest.put("env_info", Map.of("env_id", envId, "gym_version", "jgym"));
        AtomicFiles.writeString(manifestFile, FlaskJson.dumps(manifest));
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
