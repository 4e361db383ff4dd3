package io.jgym.generative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.generative.data.ImageSet;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierQualityTest {

    /** 10x10 images: a horizontal bar (label 0) or a vertical one (label 1). */
    private static ImageSet bars(int count, long seed, boolean onlyHorizontal) {
        Random random = new Random(seed);
        int side = 10;
        float[] pixels = new float[count * side * side];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = onlyHorizontal ? 0 : n % 2;
            int at = 2 + random.nextInt(side - 4);
            for (int i = 0; i < side; i++) {
                pixels[n * side * side + (labels[n] == 0 ? at * side + i : i * side + at)] = 1f;
            }
        }
        return new ImageSet(count, 1, side, side, pixels, labels);
    }

    @Test
    void seesMissingClassesAndDistance(@TempDir Path dir) {
        ImageClassifier classifier = ImageClassifier.trainOrLoad(bars(2000, 1, false), dir.resolve("c.zip"), 1);
        assertTrue(classifier.accuracy(bars(200, 2, false)) > 0.95, "bars are easy to tell apart");
        ClassifierQuality quality = new ClassifierQuality(classifier, bars(400, 3, false).pixels());

        ClassifierQuality.Scores fresh = quality.score(bars(400, 4, false).pixels());
        ClassifierQuality.Scores oneClass = quality.score(bars(400, 5, true).pixels());
        assertEquals(2, fresh.classesCovered());
        assertEquals(1, oneClass.classesCovered());
        assertTrue(fresh.classifierScore() > 1.6 && oneClass.classifierScore() < 1.2, "at most 2 for two classes: "
                + fresh.classifierScore() + " vs " + oneClass.classifierScore());
        assertTrue(fresh.frechetDistance() < oneClass.frechetDistance() / 5,
                fresh.frechetDistance() + " vs " + oneClass.frechetDistance());

        ImageClassifier cached = ImageClassifier.trainOrLoad(bars(10, 9, false), dir.resolve("c.zip"), 9);
        assertEquals(classifier.accuracy(bars(200, 2, false)), cached.accuracy(bars(200, 2, false)), "loaded from the cache");
    }
}
