package io.jgym.generative.metrics;

import io.jgym.generative.data.ImageSet;
import java.nio.file.Path;

/**
 * Judges generated images with an {@link ImageClassifier}: the share of each class among them (mode
 * coverage), how many classes get at least half their fair share, the classifier score
 * {@code exp(E_x KL(p(y|x) || p(y)))} (the Inception Score with this classifier: high when images
 * are confidently classified and spread over classes), and the Frechet distance to held-out images
 * in the classifier's feature space.
 */
public final class ClassifierQuality {
    private final ImageClassifier classifier;
    private final FrechetDistance frechet;

    /** Scores for one set of generated images. */
    public record Scores(double[] classShares, int classesCovered, double classifierScore, double frechetDistance) {
    }

    public ClassifierQuality(ImageClassifier classifier, float[] heldOutImages) {
        this.classifier = classifier;
        this.frechet = new FrechetDistance(classifier.features(heldOutImages), classifier.featureSize());
    }

    /**
     * The judge of images like {@code train}, called {@code dataName}: a classifier trained on
     * {@code train} once and kept in {@code cache/classifiers/} for later runs, scoring against the
     * first {@code heldOutImages} of {@code heldOut}.
     */
    public static ClassifierQuality cached(Path cache, String dataName, ImageSet train, ImageSet heldOut, int heldOutImages) {
        Path file = cache.resolve("classifiers").resolve(dataName + "-" + train.count() + ".zip");
        return new ClassifierQuality(ImageClassifier.trainOrLoad(train, file, 1), heldOut.first(heldOutImages).pixels());
    }

    /** Scores {@code images} (row-major, values in [0, 1]). */
    public Scores score(float[] images) {
        int classes = classifier.classes();
        float[] p = classifier.probabilities(images);
        int n = p.length / classes;
        double[] shares = new double[classes];
        double[] marginal = new double[classes];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 0; k < classes; k++) {
                marginal[k] += p[i * classes + k] / n;
                if (p[i * classes + k] > p[i * classes + best]) {
                    best = k;
                }
            }
            shares[best] += 1.0 / n;
        }
        double klSum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                double pk = Math.max(p[i * classes + k], 1e-12);
                klSum += pk * Math.log(pk / Math.max(marginal[k], 1e-12));
            }
        }
        int covered = 0;
        for (double share : shares) {
            covered += share >= 0.5 / classes ? 1 : 0;
        }
        return new Scores(shares, covered, Math.exp(klSum / n), frechet.of(classifier.features(images)));
    }
}
