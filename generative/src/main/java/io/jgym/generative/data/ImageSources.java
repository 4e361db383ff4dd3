package io.jgym.generative.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the image trainers' configs say their images come from, loaded in one place so a bad
 * {@code --data} fails in the provider's {@code create}, before a run folder exists:
 * MNIST-format IDX files ({@code dense-gan}, {@code dense-ae}, {@code conv-ae}, {@code vae}) or
 * colour images, from a folder or generated as shapes ({@code dcgan-rgb}, {@code conv-vae-rgb}).
 */
public final class ImageSources {
    /** The default {@code --data} of the MNIST-format trainers: Debian's Fashion-MNIST folder. */
    public static final String FASHION_MNIST = IdxFiles.DEBIAN_FASHION_MNIST.toString();
    private static final String SHAPES = "shapes";
    private static final long SHAPES_SEED = 7;

    private ImageSources() {
    }

    /**
     * Training and held-out images, the class names (empty when the files do not name them) and a
     * short name of the data for cache files.
     */
    public record Images(ImageSet train, ImageSet heldOut, List<String> classes, String name) {
    }

    /** The train- and t10k- IDX files in {@code folder}, only the first {@code maxImages} training images (0: all). */
    public static Images idx(String folder, int maxImages) {
        Path path = Path.of(folder);
        ImageSet train = IdxFiles.train(path);
        ImageSet heldOut = IdxFiles.test(path);
        Path name = path.toAbsolutePath().normalize().getFileName();
        return new Images(first(train, maxImages), heldOut, List.of(), name == null ? "idx" : name.toString());
    }

    /**
     * The PNG/JPEG images in {@code folder} (sub-folders as classes), or with no folder {@code shapes}
     * generated coloured shapes (and a tenth as many held out), all {@code imageSize} square.
     */
    public static Images colour(String folder, int imageSize, int shapes, int maxImages) {
        if (folder == null) {
            ImageSet all = ColourShapes.generate(shapes, imageSize, SHAPES_SEED);
            ImageSet test = ColourShapes.generate(Math.max(1, shapes / 10), imageSize, SHAPES_SEED + 1);
            return new Images(first(all, maxImages), test, List.of(ColourShapes.CLASSES), SHAPES + "-" + imageSize);
        }
        Path path = Path.of(folder);
        ImageFolder.Split split = ImageFolder.read(path, imageSize);
        Path name = path.toAbsolutePath().normalize().getFileName();
        return new Images(first(split.train(), maxImages), split.heldOut(), split.classes(),
                (name == null ? "images" : name.toString()) + "-" + imageSize);
    }

    private static ImageSet first(ImageSet images, int maxImages) {
        return maxImages > 0 && maxImages < images.count() ? images.first(maxImages) : images;
    }
}
