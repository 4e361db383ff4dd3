package io.jgym.runs.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.runs.tensorboard.EventFileReader.Event;
import io.jgym.runs.tensorboard.EventFileReader.Image;
import io.jgym.runs.tensorboard.EventFileReader.Value;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's event file as TensorBoard reads it: framing, CRCs, the Event fields, scalars and images. */
class TensorBoardListenerTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00.250Z");
    private static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);

    @TempDir
    Path run;

    @Test
    void everyMeasuredMetricIsAScalarAtItsEpisodeAndEveryNewPictureAnImage() throws IOException {
        png(run.resolve("drawn-before.png"), 5, 5, BufferedImage.TYPE_INT_RGB);
        TensorBoardListener listener = new TensorBoardListener(run, Set.of("learning-curve.png", "checkpoints"), CLOCK);
        listener.onStart("gan", List.of());
        png(run.resolve("samples").resolve("epoch-001.png"), 8, 6, BufferedImage.TYPE_INT_RGB);
        listener.onEpisode(EpisodeReport.of(0, 40, Map.of("losses/generator", 0.5, "mmd", Double.NaN)));
        listener.onEpisode(EpisodeReport.of(1, 80, Map.of("losses/generator", 0.25, "mmd", 0.1)));
        png(run.resolve("reconstructions.png"), 4, 3, BufferedImage.TYPE_BYTE_GRAY);
        AtomicFiles.write(run.resolve("training.gif"), out -> ImageIO.write(new BufferedImage(9, 7, BufferedImage.TYPE_INT_RGB), "gif", out));
        png(run.resolve("learning-curve.png"), 4, 4, BufferedImage.TYPE_INT_RGB);
        png(run.resolve("checkpoints").resolve("1").resolve("x.png"), 4, 4, BufferedImage.TYPE_INT_RGB);
        Files.writeString(run.resolve(".reconstructions.png123.tmp"), "half-written");
        listener.onEnd();

        List<Event> events = EventFileReader.read(onlyEventFile());
        assertEquals(Events.FILE_VERSION, events.get(0).fileVersion().orElseThrow(), "the file opens with its version");
        events.forEach(e -> assertEquals(1_796_119_200.25, e.wallTime(), 1e-6, "wall time in seconds"));

        Map<String, Object> scalars = new LinkedHashMap<>();
        Map<String, Object> images = new LinkedHashMap<>();
        for (Event event : events.subList(1, events.size())) {
            for (Value value : event.values()) {
                value.simpleValue().ifPresent(v -> scalars.put(event.step() + " " + value.tag(), v));
                value.image().ifPresent(i -> images.put(event.step() + " " + value.tag(), i));
            }
        }
        assertEquals(Map.of("0 losses/generator", 0.5f, "1 losses/generator", 0.25f, "1 mmd", 0.1f), scalars,
                "measured metrics at their episode; an unmeasured (NaN) one is left out");
        assertEquals(List.of("0 samples", "1 reconstructions", "1 training"), List.copyOf(images.keySet()),
                "pictures at the step they appeared, the end's at the last step; old, plot, checkpoint and temporary files are not");
        assertImage((Image) images.get("0 samples"), 8, 6, 3);
        assertImage((Image) images.get("1 reconstructions"), 4, 3, 1);
        assertImage((Image) images.get("1 training"), 9, 7, 3);
    }

    @Test
    void theFileIsNamedForTimeAndHostAndAResumedRunAddsASecondFile() throws IOException {
        for (int i = 0; i < 2; i++) {
            TensorBoardListener listener = new TensorBoardListener(run, Set.of(), CLOCK);
            listener.onStart("q", List.of());
            listener.onEpisode(EpisodeReport.of(i, i, Map.of("charts/episodic_return", (double) i)));
            listener.onEnd();
        }
        List<String> names = eventFiles().stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(2, names.size());
        assertTrue(names.get(0).matches("events\\.out\\.tfevents\\.1796119200\\.[A-Za-z0-9._-]+"), names.get(0));
        assertEquals(names.get(0) + ".1", names.get(1));
        assertEquals(1, EventFileReader.read(run.resolve(names.get(1))).get(1).step(), "the second file continues at its episode");
    }

    @Test
    void aPictureArrivingLongAfterTheFolderLastChangedIsFound() throws IOException {
        Path samples = Files.createDirectories(run.resolve("samples"));
        png(samples.resolve("epoch-001.png"), 2, 2, BufferedImage.TYPE_INT_RGB);
        FileTime settled = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(samples, settled);
        Files.setLastModifiedTime(run, settled);
        NewPictures pictures = new NewPictures(run, Set.of());
        assertEquals(List.of(), pictures.poll(), "nothing new while nothing changes");

        png(samples.resolve("epoch-002.png"), 2, 2, BufferedImage.TYPE_INT_RGB);
        assertEquals(List.of(samples.resolve("epoch-002.png")), pictures.poll());
        assertEquals(List.of(), pictures.poll());
    }

    @Test
    void aPicturesTagIsItsPathWithoutTheEpochNumber() {
        NewPictures pictures = new NewPictures(run, Set.of());
        assertEquals("samples", pictures.tag(run.resolve("samples/epoch-007.png")));
        assertEquals("frames", pictures.tag(run.resolve("frames/epoch-00120.png")));
        assertEquals("reconstructions", pictures.tag(run.resolve("reconstructions.png")));
        assertEquals("snapshots/wave", pictures.tag(run.resolve("snapshots/wave_12.png")));
        assertEquals("pictures", pictures.tag(run.resolve("epoch-3.png")));
    }

    @Test
    void theCrcIsTensorFlowsMaskedCrc32c() {
        // CRC-32C of "123456789" is 0xE3069283 (the standard check value); masked by hand: rotr 15, + 0xa282ead8
        int crc = 0xE3069283;
        int masked = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(masked, EventFileReader.maskedCrc32c(check));
        assertEquals(masked, EventFile.maskedCrc(check));
    }

    private static void assertImage(Image image, int width, int height, int colorspace) throws IOException {
        assertEquals(width, image.width());
        assertEquals(height, image.height());
        assertEquals(colorspace, image.colorspace());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.encoded()));
        assertEquals(width, decoded.getWidth(), "the image bytes decode as the picture file");
        assertEquals(height, decoded.getHeight());
    }

    private static void png(Path file, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(1, 1, 0xFF8040);
        AtomicFiles.writePng(file, image);
    }

    private Path onlyEventFile() throws IOException {
        List<Path> files = eventFiles();
        assertEquals(1, files.size(), "one event file: " + files);
        return files.get(0);
    }

    private List<Path> eventFiles() throws IOException {
        try (Stream<Path> listed = Files.list(run)) {
            return listed.filter(p -> p.getFileName().toString().startsWith(EventFile.PREFIX)).toList();
        }
    }
}
