package io.jgym.server;

import io.jgym.contracts.Frame;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.images.AnimatedGifWriter;
import io.jgym.contracts.images.FrameImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Records the frames of selected episodes for the monitor, as gym's video recorder did but without
 * ffmpeg: every {@code every}-th episode becomes an animated GIF, or a folder of PNG frames. Frames
 * are streamed to disk as they are rendered; a GIF appears under its final name when its episode ends.
 * A recording ends early at the {@link MonitorQuota}'s frame or byte limit, or when all recordings
 * together reach the disk limit; the episode itself goes on.
 */
final class EpisodeRecorder {
    /** How recorded episodes are stored. */
    enum Format {
        GIF, PNG;

        static Format parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Parameter 'video_format' must be gif or png, got '" + Messages.quote(text) + "'");
            }
        }
    }

    private static final int FRAME_MILLIS = 50;

    private final Path directory;
    private final String prefix;
    private final int every;
    private final Format format;
    private final Supplier<Optional<Frame>> renderer;
    private final MonitorQuota quota;
    private final List<String> videos = new ArrayList<>();
    private AnimatedGifWriter gif;
    private Path gifTemp;
    private Path pngFolder;
    private int frames;
    private long bytes;
    private String current;

    /**
     * @param prefix   file-name prefix, {@code openaigym.video.<monitor>.<pid>}
     * @param every    record episodes whose index is a multiple of this (at least 1)
     * @param renderer draws the environment's current state
     */
    EpisodeRecorder(Path directory, String prefix, int every, Format format, Supplier<Optional<Frame>> renderer, MonitorQuota quota) {
        this.directory = directory;
        this.prefix = prefix;
        this.every = every;
        this.format = format;
        this.renderer = renderer;
        this.quota = quota;
    }

    /** Starts recording episode {@code episodeId} if it is selected; ends any recording in progress. */
    void onReset(int episodeId) {
        finish();
        if (episodeId % every != 0 || !quota.hasRoom()) {
            return;
        }
        current = prefix + String.format(".video%06d", episodeId);
        frames = 0;
        bytes = 0;
        try {
            if (format == Format.GIF) {
                gif = new AnimatedGifWriter(directory.resolve(current + ".gif"), FRAME_MILLIS);
                gifTemp = temporaryFileOf(current + ".gif");
            } else {
                pngFolder = Files.createDirectories(directory.resolve(current));
            }
        } catch (IOException e) {
            current = null;
            throw new UncheckedIOException("cannot start a recording", e);
        }
        capture();
    }

    /** The writer's temporary file, whose size tells how far the GIF has grown. */
    private Path temporaryFileOf(String target) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + target)).findFirst().orElse(null);
        }
    }

    /** Adds the current state to the recording, if one is running. */
    void capture() {
        if (current == null) {
            return;
        }
        Frame frame = renderer.get().orElseThrow(() -> ApiException.badRequest("This environment cannot render, so it cannot be recorded"));
        try {
            long written;
            if (gif != null) {
                gif.add(frame);
                long size = gifTemp == null ? 0 : Files.size(gifTemp);
                written = size - bytes;
            } else {
                byte[] png = FrameImages.png(frame);
                AtomicFiles.write(pngFolder.resolve(String.format("frame%06d.png", frames)), png);
                written = png.length;
            }
            frames++;
            bytes += written;
            boolean room = quota.wrote(written);
            if (!room || frames >= quota.maxFrames() || bytes >= quota.maxRecordingBytes()) {
                quota.cut();
                finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a recorded frame", e);
        }
    }

    /** Closes the recording in progress, if any. */
    void finish() {
        if (current == null) {
            return;
        }
        try {
            if (gif != null) {
                gif.close();
                videos.add(current + ".gif");
            } else {
                videos.add(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish a recording", e);
        } finally {
            gif = null;
            gifTemp = null;
            pngFolder = null;
            current = null;
        }
    }

    /** Names of the finished recordings, for the manifest. */
    List<String> videos() {
        return List.copyOf(videos);
    }
}
