package io.jgym.generative.gan;

import io.jgym.contracts.files.AtomicFiles;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves a GAN's two networks in DL4J's format with their optimiser state
 * ({@code generator.zip}, {@code discriminator.zip}), each written atomically.
 */
public final class GanCheckpoint {
    private GanCheckpoint() {
    }

    public static void save(Path folder, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        AtomicFiles.write(folder.resolve("generator.zip"), out -> ModelSerializer.writeModel(generator, out, true));
        AtomicFiles.write(folder.resolve("discriminator.zip"), out -> ModelSerializer.writeModel(discriminator, out, true));
    }
}
