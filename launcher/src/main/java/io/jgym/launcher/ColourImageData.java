package io.jgym.launcher;

import io.jgym.generative.data.ColourShapes;
import io.jgym.generative.data.ImageFolder;
import io.jgym.generative.data.ImageSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The data flags of the colour-image trainers: a folder of PNG/JPEG images ({@code --data}), or
 * generated coloured shapes when none is given, all scaled to {@code --image-size}.
 */
final class ColourImageData {
    private static final String SHAPES = "shapes";
    private static final long SHAPES_SEED = 7;

    @Option(names = "--data", description = "Folder of PNG/JPEG images, sub-folders as classes (default: generated coloured shapes).")
    Path data;

    @Option(names = "--image-size", description = "Side the images are scaled to, after cropping to their centre square (default: ${DEFAULT-VALUE}).")
    int imageSize = 80;

    @Option(names = "--shapes", description = "How many shape images to generate when no --data is given (default: ${DEFAULT-VALUE}).")
    int shapes = 2000;

    @Option(names = "--max-images", description = "Use only the first N training images (0: all; default: ${DEFAULT-VALUE}).")
    int maxImages = 0;

    ImageFolder.Split load() {
        ImageFolder.Split split;
        if (data == null) {
            ImageSet all = ColourShapes.generate(shapes, imageSize, SHAPES_SEED);
            int heldOut = Math.max(1, shapes / 10);
            ImageSet test = ColourShapes.generate(heldOut, imageSize, SHAPES_SEED + 1);
            split = new ImageFolder.Split(all, test, List.of(ColourShapes.CLASSES));
        } else {
            split = ImageFolder.read(data, imageSize);
        }
        return maxImages > 0 ? new ImageFolder.Split(split.train().first(maxImages), split.heldOut(), split.classes()) : split;
    }

    /** What a run's config.json records about its images, enough for {@link #restore} to load them again. */
    Map<String, Object> details(ImageFolder.Split split) {
        return Map.of("data", data == null ? SHAPES : data.toAbsolutePath().toString(), "image_size", imageSize,
                "shapes", shapes, "images", split.train().count(), "classes", split.classes());
    }

    /** Takes the data settings from a run's saved config.json, for {@code --resume}. */
    void restore(Map<String, Object> saved) {
        String folder = (String) saved.get("data");
        data = SHAPES.equals(folder) ? null : Path.of(folder);
        imageSize = ((Number) saved.get("image_size")).intValue();
        shapes = ((Number) saved.get("shapes")).intValue();
        maxImages = ((Number) saved.get("images")).intValue();
    }

    /** The data's name, for run names. */
    String name() {
        return data == null ? SHAPES : data.getFileName().toString();
    }
}
