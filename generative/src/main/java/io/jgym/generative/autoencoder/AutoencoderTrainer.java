package io.jgym.generative.autoencoder;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.checkpoints.EpochCheckpoints;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.LatentPictures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dense-ae} and {@code conv-ae}: an autoencoder ({@link AutoencoderNetworks}) with a linear
 * code and a sigmoid output trained with binary cross-entropy. Each epoch reports
 * the training and held-out loss (binary cross-entropy summed over pixels, per image); at the end it
 * writes {@code reconstructions.png} (held-out images above their reconstructions), and for a 2-D
 * code {@code codes.png} and {@code decoded.png}. After each epoch the network is checkpointed
 * ({@link EpochCheckpoints}, as {@code autoencoder.zip}); a run folder that already holds a
 * checkpoint is resumed from it.
 */
public final class AutoencoderTrainer implements Trainer {
    public static final String TRAIN_LOSS = "losses/train_bce";
    public static final String HELD_OUT_LOSS = "losses/held_out_bce";
    private static final String NETWORK_FILE = "autoencoder.zip";
    private static final int SHOWN = 16;

    private final AutoencoderConfig config;
    private final AutoencoderNetworks.Architecture architecture;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final String runName;
    private final Optional<Path> output;

    public AutoencoderTrainer(AutoencoderConfig config, AutoencoderNetworks.Architecture architecture, ImageSet train,
                              ImageSet heldOut, String runName, Optional<Path> output) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("need at least one batch of " + config.batchSize() + " images, got " + train.count());
        }
        this.config = config;
        this.architecture = architecture;
        this.train = train;
        this.heldOut = heldOut.first(config.evalImages());
        this.runName = runName;
        this.output = output;
    }

    @Override
    public void train(TrainingListener listener) {
        int pixels = train.size();
        AutoencoderNetworks.Built built = AutoencoderNetworks.build(architecture, config, train.height(), train.width());
        Optional<EpochCheckpoints> checkpoints = EpochCheckpoints.ofRun(output);
        Optional<EpochCheckpoints.Saved> resumed = checkpoints.flatMap(EpochCheckpoints::toResume);
        MultiLayerNetwork network = resumed.map(saved -> saved.network(NETWORK_FILE)).orElse(built.network());
        int start = resumed.map(EpochCheckpoints.Saved::epochsDone).orElse(0);
        int codeLayer = built.codeLayer();
        int batch = config.batchSize();
        Minibatches minibatches = new Minibatches(train.pixels(), pixels, batch, config.seed());
        minibatches.replay(start);
        int batches = minibatches.count();
        INDArray heldOutInput = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), pixels}, 'c');
        DataSet heldOutSet = new DataSet(heldOutInput, built.imageOutput()
                ? heldOutInput.reshape('c', heldOut.count(), 1, train.height(), train.width()) : heldOutInput);

        listener.onStart(runName);
        try {
            for (int epoch = start; epoch < config.epochs(); epoch++) {
                minibatches.shuffle();
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    INDArray input = minibatches.batch(b);
                    network.fit(input, built.imageOutput() ? input.reshape('c', batch, 1, train.height(), train.width()) : input);
                    lossSum += network.score();
                }
                // DL4J's XENT score sums over the pixels of an image and averages over images: nats per image.
                double trainLoss = lossSum / batches;
                double heldOutLoss = network.score(heldOutSet);
                if (!Double.isFinite(trainLoss)) {
                    throw new IllegalStateException("autoencoder loss became " + trainLoss + " in epoch " + epoch
                            + "; try a lower --learning-rate");
                }
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(TRAIN_LOSS, trainLoss);
                metrics.put(HELD_OUT_LOSS, heldOutLoss);
                listener.onEpisode(EpisodeReport.of(epoch, (long) (epoch + 1) * batches, metrics));
                int done = epoch + 1;
                checkpoints.ifPresent(c -> c.save(done, parts -> parts.network(NETWORK_FILE, network)));
            }
            output.ifPresent(dir -> pictures(dir, network, heldOutInput, codeLayer));
        } finally {
            listener.onEnd();
        }
    }

    private void pictures(Path dir, MultiLayerNetwork network, INDArray heldOutInput, int codeLayer) {
        int pixels = train.size();
        int shown = Math.min(SHOWN, heldOut.count());
        float[] originals = heldOut.first(shown).pixels();
        float[] reconstructed = RowMajor.floats(network.output(heldOutInput, false));
        float[] both = new float[2 * shown * pixels];
        System.arraycopy(originals, 0, both, 0, shown * pixels);
        System.arraycopy(reconstructed, 0, both, shown * pixels, shown * pixels);
        ImageGrid.write(both, 1, train.height(), train.width(), shown, 2, dir.resolve("reconstructions.png"));
        if (config.codeSize() == 2) {
            List<INDArray> activations = network.feedForwardToLayer(codeLayer, heldOutInput, false);
            float[] codes = RowMajor.floats(activations.get(codeLayer + 1));
            LatentPictures.scatter(codes, heldOut.labels(), dir.resolve("codes.png"));
            int last = network.getnLayers() - 1;
            LatentPictures.decodedGrid(z -> RowMajor.floats(network.activateSelectedLayers(codeLayer + 1, last,
                    Nd4j.create(z, new long[] {z.length / 2, 2}, 'c'))), 15, LatentPictures.Area.ofCodes(codes),
                    1, train.height(), train.width(), dir.resolve("decoded.png"));
        }
    }
}
