package io.jgym.generative.gan;

import io.jgym.generative.checkpoints.EpochCheckpoints;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A GAN trainer's checkpoints: both networks with their optimiser state ({@code generator.zip},
 * {@code discriminator.zip} in an {@link EpochCheckpoints} folder under the run's
 * {@code checkpoints/}). When the run folder already holds one, training continues from it: the
 * networks come from the checkpoint instead of being built, and {@link #epochsDone()} says where
 * to pick up. Without a run folder (benchmarks) nothing is read or written.
 */
public final class GanCheckpoints {
    private static final String GENERATOR = "generator.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";

    private final Optional<EpochCheckpoints> checkpoints;
    private final Optional<EpochCheckpoints.Saved> resumed;

    public GanCheckpoints(Optional<Path> runFolder) {
        this.checkpoints = EpochCheckpoints.ofRun(runFolder);
        this.resumed = checkpoints.flatMap(EpochCheckpoints::toResume);
    }

    /** Epochs the resumed checkpoint holds; 0 for a fresh run. */
    public int epochsDone() {
        return resumed.map(EpochCheckpoints.Saved::epochsDone).orElse(0);
    }

    /** The saved generator, or a {@code fresh} one. */
    public MultiLayerNetwork generator(Supplier<MultiLayerNetwork> fresh) {
        return resumed.map(saved -> saved.network(GENERATOR)).orElseGet(fresh);
    }

    /** The saved discriminator, or a {@code fresh} one. */
    public MultiLayerNetwork discriminator(Supplier<MultiLayerNetwork> fresh) {
        return resumed.map(saved -> saved.network(DISCRIMINATOR)).orElseGet(fresh);
    }

    /** Saves both networks after {@code epochsDone} epochs. */
    public void save(int epochsDone, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        checkpoints.ifPresent(c -> c.save(epochsDone, parts -> parts.network(GENERATOR, generator).network(DISCRIMINATOR, discriminator)));
    }
}
