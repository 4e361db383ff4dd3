package io.jgym.server;

import io.jgym.contracts.Frame;
import io.jgym.contracts.Step;
import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records episode statistics into a directory in the files gym's {@code Monitor} wrote, so tools
 * that read them keep working: {@code openaigym.episode_batch.<id>.<pid>.stats.json} (episode
 * lengths, rewards, end timestamps, types) and {@code openaigym.manifest.<id>.<pid>.manifest.json}
 * pointing at it. Both are replaced atomically (never half-written): after the first finished
 * episode, then after a finished episode at most once per {@link #FLUSH_INTERVAL_NANOS} (so a long
 * run of short episodes does not rewrite a growing file after every one), and on close. A crash
 * loses at most the last second of episodes. An episode abandoned by a reset is not recorded.
 * Selected episodes can also be recorded as pictures by an {@link EpisodeRecorder}.
 *
 * <p>A monitored episode is truncated after the quota's step limit, so an environment without a
 * time limit cannot grow a recording or a stats entry without bound. A disk failure while the
 * environment runs never fails the step that was already taken: the monitor stops writing, keeps
 * the files it wrote, and {@code monitor/close} reports the failure.
 */
final class EpisodeMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeMonitor.class);
    private static final String PREFIX = "openaigym.";
    private static final Pattern FRAME = Pattern.compile("frame\\d{6}\\.png");
    private static final long PID = ProcessHandle.current().pid();
    private static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

    private final String envId;
    private final Path statsFile;
    private final Path manifestFile;
    private final List<Double> timestamps = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<Double> rewards = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final EpisodeRecorder recorder;
    private final MonitorQuota quota;
    private final LongSupplier nanoClock;
    private Double initialResetTimestamp;
    private int episodes;
    private int steps;
    private double episodeReward;
    private boolean inEpisode;
    private boolean unflushed;
    private long lastFlushNanos;
    private String failure;

    /**
     * Opens a monitor on {@code directory}. With {@code force}, earlier monitor files are deleted
     * (only files named as a monitor names them, and recorded-frame folders holding only frames);
     * without it (and without {@code resume}) existing monitor files are an error, as in gym. Every
     * check runs before anything is deleted, so a refused start leaves the directory as it was.
     *
     * @param shownAs   the directory as the client named it, for messages (never the server's path)
     * @param recording how to record episodes as pictures, or null for statistics only
     */
    EpisodeMonitor(Path directory, String shownAs, String envId, int monitorId, boolean force, boolean resume,
                   Recording recording, MonitorQuota quota, LongSupplier nanoClock) {
        this.envId = envId;
        this.quota = quota;
        this.nanoClock = nanoClock;
        String quoted = Messages.quote(shownAs);
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw ApiException.badRequest("Monitor directory '" + quoted + "' names an existing file, not a directory");
            }
            Files.createDirectories(directory);
            List<Path> existing = monitorFiles(directory);
            if (force) {
                for (Path p : existing) {
                    deleteOwned(p);
                }
            } else if (!resume && existing.stream().anyMatch(p -> p.getFileName().toString().contains(".manifest."))) {
                throw ApiException.badRequest("Trying to write to monitor directory " + quoted
                        + " with existing monitor files: " + existing.stream().map(p -> p.getFileName().toString()).sorted().toList()
                        + ". You should use a unique directory for each training run, or use 'force=True'"
                        + " to automatically clear previous monitor files.");
            }
        } catch (NotDirectoryException e) {
            throw ApiException.badRequest("Monitor directory '" + quoted + "' is inside an existing file, not a directory");
        } catch (IOException e) {
            throw ApiException.badRequest("Cannot prepare monitor directory '" + quoted + "': " + Messages.reason(e));
        }
        String infix = monitorId + "." + PID;
        statsFile = directory.resolve(PREFIX + "episode_batch." + infix + ".stats.json");
        manifestFile = directory.resolve(PREFIX + "manifest." + infix + ".manifest.json");
        recorder = recording == null ? null
                : new EpisodeRecorder(directory, PREFIX + "video." + infix, recording.every(), recording.format(), recording.renderer(), quota);
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

    /** Deletes a monitor file, or a folder of recorded PNG frames; a folder with anything else in it is left alone. */
    private static void deleteOwned(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            Files.deleteIfExists(p);
            return;
        }
        List<Path> inside;
        try (Stream<Path> files = Files.list(p)) {
            inside = files.toList();
        }
        if (inside.stream().allMatch(f -> Files.isRegularFile(f) && FRAME.matcher(f.getFileName().toString()).matches())) {
            for (Path f : inside) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(p);
        }
    }

    void onReset() {
        if (initialResetTimestamp == null) {
            initialResetTimestamp = now();
        }
        steps = 0;
        episodeReward = 0;
        inEpisode = true;
        if (recorder != null && failure == null) {
            guard(() -> recorder.onReset(episodes));
        }
        episodes++;
    }

    /**
     * Counts a step; returns true when the monitor's episode-length limit truncates the episode here
     * (the server then answers {@code done} with {@code TimeLimit.truncated}).
     */
    boolean onStep(Step step) {
        if (!inEpisode) {
            return false;
        }
        steps++;
        episodeReward += step.reward();
        if (recorder != null && failure == null) {
            guard(recorder::capture);
        }
        boolean cut = !step.done() && steps >= quota.maxEpisodeSteps();
        if (step.done() || cut) {
            if (recorder != null && failure == null) {
                guard(recorder::finish);
            }
            lengths.add(steps);
            rewards.add(episodeReward);
            timestamps.add(now());
            types.add("t");
            inEpisode = false;
            unflushed = true;
            long nowNanos = nanoClock.getAsLong();
            if (lengths.size() == 1 || nowNanos - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
                guard(this::flush);
                lastFlushNanos = nowNanos;
            }
        }
        return cut;
    }

    /**
     * Ends a recording in progress and writes the stats and manifest files; for monitor close.
     *
     * @throws ApiException when the monitor could not write its files at some point
     */
    void close() {
        if (recorder != null && failure == null) {
            guard(recorder::finish);
        }
        if (failure == null && (unflushed || lengths.isEmpty())) {
            guard(this::flush);
        }
        if (failure != null) {
            throw ApiException.badRequest("The monitor stopped writing: " + failure
                    + "; the files written before that are kept");
        }
    }

    /** Runs a disk operation; a failure stops the monitor's writing instead of failing the request. */
    private void guard(Runnable write) {
        try {
            write.run();
        } catch (UncheckedIOException e) {
            failure = Messages.reason(e);
            LOG.warn("Monitor for {} stopped writing: {}", envId, failure);
        }
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
        unflushed = false;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
