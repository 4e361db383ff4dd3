package io.jgym.generative.mnist;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.gan.EpochOrder;
import io.jgym.generative.gan.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.LatentPictures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code dense-ae}: an autoencoder image - encoder widths - code - mirrored widths - image, ReLU
 * inside, a linear code and a sigmoid output trained with binary cross-entropy. Each epoch reports
 * the training and held-out loss (binary cross-entropy summed over pixels, per image); at the end it
 * writes {@code reconstructions.png} (held-out images above their reconstructions), and for a 2-D
 * code {@code codes.png} and {@code decoded.png}, plus the model in DL4J's format.
 */
public final class DenseAutoencoderTrainer implements Trainer {
    public static final String TRAIN_LOSS = "losses/train_bce";
    public static final String HELD_OUT_LOSS = "losses/held_out_bce";
    private static final int SHOWN = 16;

    private final AutoencoderConfig config;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final String runName;
    private final Optional<Path> output;

    public DenseAutoencoderTrainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName,
                                   Optional<Path> output) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("need at least one batch of " + config.batchSize() + " images, got " + train.count());
        }
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalImages());
        this.runName = runName;
        this.output = output;
    }

    /** The network: encoder layers, the code layer at index {@code encoderLayers.size()}, then the decoder. */
    static MultiLayerNetwork network(AutoencoderConfig config, int pixels) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder().seed(config.seed())
                .weightInit(WeightInit.XAVIER).updater(new Adam(config.learningRate())).list();
        int width = pixels;
        for (int hidden : config.encoderLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden).activation(Activation.RELU).build());
            width = hidden;
        }
        layers.layer(new DenseLayer.Builder().nIn(width).nOut(config.codeSize()).activation(Activation.IDENTITY).build());
        width = config.codeSize();
        for (int i = config.encoderLayers().size() - 1; i >= 0; i--) {
            int hidden = config.encoderLayers().get(i);
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden).activation(Activation.RELU).build());
            width = hidden;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(width).nOut(pixels)
                .activation(Activation.SIGMOID).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    @Override
    public void train(TrainingListener listener) {
        int pixels = train.size();
        MultiLayerNetwork network = network(config, pixels);
        int codeLayer = config.encoderLayers().size();
        EpochOrder epochs = new EpochOrder(train.count(), config.seed());
        int batch = config.batchSize();
        int batches = train.count() / batch;
        float[] batchData = new float[batch * pixels];
        INDArray batchInput = Nd4j.create(DataType.FLOAT, batch, pixels);
        INDArray heldOutInput = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), pixels}, 'c');
        DataSet heldOutSet = new DataSet(heldOutInput, heldOutInput);

        listener.onStart(runName);
        try {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                int[] order = epochs.next();
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    for (int r = 0; r < batch; r++) {
                        System.arraycopy(train.pixels(), order[b * batch + r] * pixels, batchData, r * pixels, pixels);
                    }
                    batchInput.data().setData(batchData);
                    network.fit(batchInput, batchInput);
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
        ImageGrid.write(both, train.height(), train.width(), shown, 2, dir.resolve("reconstructions.png"));
        if (config.codeSize() == 2) {
            List<INDArray> activations = network.feedForwardToLayer(codeLayer, heldOutInput, false);
            float[] codes = RowMajor.floats(activations.get(codeLayer + 1));
            LatentPictures.scatter(codes, heldOut.labels(), dir.resolve("codes.png"));
            float extent = 0;
            for (float c : codes) {
                extent = Math.max(extent, Math.abs(c));
            }
            int last = network.getnLayers() - 1;
            LatentPictures.decodedGrid(z -> RowMajor.floats(network.activateSelectedLayers(codeLayer + 1, last,
                    Nd4j.create(z, new long[] {z.length / 2, 2}, 'c'))), 15, extent * 0.9f,
                    train.height(), train.width(), dir.resolve("decoded.png"));
        }
        AtomicFiles.write(dir.resolve("checkpoints/autoencoder.zip"), out -> ModelSerializer.writeModel(network, out, true));
    }
}
