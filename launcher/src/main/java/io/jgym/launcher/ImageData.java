package io.jgym.launcher;

import io.jgym.generative.data.IdxFiles;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.ImageClassifier;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --max-images} flags of the image trainers, and loading both splits. */
final class ImageData {
    @Option(names = "--data", description = "Folder with train-/t10k- IDX files, .gz or not (default: ${DEFAULT-VALUE}).")
    Path data = IdxFiles.DEBIAN_FASHION_MNIST;

    @Option(names = "--max-images", description = "Use only the first N training images (0: all; default: ${DEFAULT-VALUE}).")
    int maxImages = 0;

    ImageSet train() {
        ImageSet train = IdxFiles.train(data);
        return maxImages > 0 ? train.first(maxImages) : train;
    }

    ImageSet heldOut() {
        return IdxFiles.test(data);
    }

    /** The data folder and how many training images were used, as a run's config.json records them. */
    Map<String, Object> details(ImageSet train) {
        return Map.of("data", data.toAbsolutePath().toString(), "images", train.count());
    }

    /**
     * The judge of generated images: a classifier trained on {@code train} once and cached under
     * {@code runsDir/.classifiers/}, scoring against {@code heldOut}.
     */
    ClassifierQuality judge(ImageSet train, ImageSet heldOut, Path runsDir, int heldOutImages) {
        return judge(name(), train, heldOut, runsDir, heldOutImages);
    }

    /** The judge for images named {@code dataName} (any image trainer's data). */
    static ClassifierQuality judge(String dataName, ImageSet train, ImageSet heldOut, Path runsDir, int heldOutImages) {
        Path cache = runsDir.resolve(".classifiers").resolve(dataName + "-" + train.count() + ".zip");
        return new ClassifierQuality(ImageClassifier.trainOrLoad(train, cache, 1), heldOut.first(heldOutImages).pixels());
    }

    /** Takes the data settings from a run's saved config.json, for {@code --resume}. */
    void restore(Map<String, Object> saved) {
        data = Path.of((String) saved.get("data"));
        maxImages = ((Number) saved.get("images")).intValue();
    }

    /** The data folder's name, for run names. */
    String name() {
        return data.getFileName().toString();
    }
}
