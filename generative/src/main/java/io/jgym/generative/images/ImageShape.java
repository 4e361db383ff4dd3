package io.jgym.generative.images;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSet;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shape of the images a model was trained on, kept in its checkpoints ({@code images.properties})
 * so a sampler draws them without opening the training data again.
 */
public record ImageShape(int channels, int height, int width) {
    private static final String FILE = "images.properties";

    public static ImageShape of(ImageSet images) {
        return new ImageShape(images.channels(), images.height(), images.width());
    }

    /** Values per image. */
    public int size() {
        return channels * height * width;
    }

    /** Writes this shape into a checkpoint folder. */
    public void writeTo(Path folder) {
        ModelFiles.writeValues(folder, FILE, Map.of("channels", String.valueOf(channels), "height", String.valueOf(height),
                "width", String.valueOf(width)));
    }

    /** The shape saved in {@code checkpoint}. */
    public static ImageShape read(Checkpoint checkpoint) {
        Map<String, String> values = ModelFiles.readValues(checkpoint, FILE);
        return new ImageShape(Integer.parseInt(values.get("channels")), Integer.parseInt(values.get("height")),
                Integer.parseInt(values.get("width")));
    }
}
