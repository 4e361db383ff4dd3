package io.jgym.generative.bench;

import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.Mmd;
import io.jgym.generative.metrics.Speckle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Scores images generated elsewhere (the dense-gan PyTorch peer's {@code generative.py dense-gan-train})
 * exactly as {@code dense-gan} scores its own after an epoch: MMD to the first N held-out images, the
 * salt-and-pepper share ({@link Speckle}), and the Frechet distance, classes covered and class shares
 * from the same cached classifier
 * ({@code <runs-dir>/.cache}), so the two can be compared.
 * <p>
 * With a fourth argument it also draws the first 64 samples as an 8x8 grid PNG, as the trainer draws its own.
 * <p>
 * {@code java -cp launcher/target/jgym.jar io.jgym.generative.bench.SampleScores <IDX folder> <samples.npy> <runs dir> [grid.png]}
 */
public final class SampleScores {
    private static final int GRID = 8;

    private SampleScores() {
    }

    public static void main(String[] args) {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: SampleScores <IDX folder> <samples.npy, N x pixels in [0, 1]> <runs dir> [grid.png]");
            System.exit(2);
        }
        ImageSources.Images images = ImageSources.idx(args[0], 0);
        float[] samples = NpyFile.read(Path.of(args[1]));
        int count = samples.length / images.train().size();
        ImageSet heldOut = images.heldOut().first(count);
        ClassifierQuality judge = ClassifierQuality.cached(Path.of(args[2]).resolve(".cache"), images.name(), images.train(), heldOut,
                heldOut.count());
        ClassifierQuality.Scores scores = judge.score(samples);
        System.out.printf(Locale.ROOT, "RESULT samples=%d mmd=%.4f speckle=%.4f frechet=%.2f classes=%d score=%.2f shares=%s%n", count,
                new Mmd(heldOut.pixels(), heldOut.size()).of(samples),
                Speckle.of(samples, heldOut.channels(), heldOut.height(), heldOut.width()), scores.frechetDistance(), scores.classesCovered(),
                scores.classifierScore(), Arrays.toString(Arrays.stream(scores.classShares())
                        .map(share -> Math.round(share * 100) / 100.0).toArray()));
        if (args.length == 4) {
            int shown = Math.min(GRID * GRID, count) * heldOut.size();
            ImageGrid.write(Arrays.copyOf(samples, shown), heldOut.channels(), heldOut.height(), heldOut.width(), GRID,
                    ImageGrid.scaleFor(heldOut.height()), Path.of(args[3]));
        }
    }
}
