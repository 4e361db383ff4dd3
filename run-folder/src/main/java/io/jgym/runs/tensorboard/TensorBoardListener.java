package io.jgym.runs.tensorboard;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a run's TensorBoard event file as it trains: every episode's measured metrics as scalars at
 * step = episode, and every picture the trainer has drawn into the run folder since (see
 * {@link NewPictures}) as an image at that step; pictures drawn after the last episode are written
 * at the last step when training ends. Part of every run folder's outputs
 * ({@code io.jgym.runs.RunOutputListener}), so CLI, HTTP and sweep runs all have it.
 */
public final class TensorBoardListener implements TrainingListener {
    private final Path folder;
    private final Set<String> ignored;
    private final Clock clock;
    private EventFile file;
    private NewPictures pictures;
    private long lastStep;

    /**
     * @param folder  the run folder the event file goes into
     * @param ignored names of files and subfolders that are not the trainer's pictures (the run's
     *                learning curve, its checkpoints)
     */
    public TensorBoardListener(Path folder, Set<String> ignored) {
        this(folder, ignored, Clock.systemUTC());
    }

    TensorBoardListener(Path folder, Set<String> ignored, Clock clock) {
        this.folder = folder;
        this.ignored = Set.copyOf(ignored);
        this.clock = clock;
    }

    @Override
    public void onStart(String runName, List<Metric> metrics) {
        pictures = new NewPictures(folder, ignored);
        file = EventFile.create(folder, clock.instant().getEpochSecond(), host(), wallTime());
    }

    @Override
    public void onEpisode(EpisodeReport report) {
        Map<String, Double> measured = new TreeMap<>();
        report.metrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                measured.put(name, value);
            }
        });
        lastStep = report.episode();
        file.write(Events.scalars(wallTime(), lastStep, measured));
        writePictures();
        file.flush();
    }

    @Override
    public void onEnd() {
        if (file != null) {
            writePictures();
            file.close();
        }
    }

    private void writePictures() {
        for (Path file : pictures.poll()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file + " for TensorBoard", e);
            }
            Picture picture;
            try {
                picture = Picture.of(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + " is named like a picture but is " + e.getMessage(), e);
            }
            this.file.write(Events.image(wallTime(), lastStep, pictures.tag(file), picture));
        }
    }

    private double wallTime() {
        return clock.millis() / 1000.0;
    }

    /** This machine's name, as TensorFlow puts it in event file names. */
    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
