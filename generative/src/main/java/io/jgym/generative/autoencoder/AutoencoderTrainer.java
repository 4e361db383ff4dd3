package io.jgym.generative.autoencoder;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.ImageSampler;
import io.jgym.generative.images.ImageShape;
import io.jgym.generative.images.LatentPictures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dense-ae} and {@code conv-ae}: an autoencoder ({@link AutoencoderNetworks}) with a linear
 * code and a sigmoid output trained with binary cross-entropy. Each epoch reports the training and
 * held-out loss (binary cross-entropy summed over pixels, per image) and is checkpointed (the network
 * as {@code autoencoder.zip}, with the box its held-out codes lie in for sampling); a stop between
 * minibatches abandons the epoch, and a run with a checkpoint continues after it. At the end, when
 * the run has a folder, it writes {@code reconstructions.png} (held-out images above their
 * reconstructions), and for a 2-D code {@code codes.png} and {@code decoded.png}.
 */
public final class AutoencoderTrainer implements Trainer<Sampler> {
    public static final String TRAIN_LOSS = "losses/train_bce";
    public static final String HELD_OUT_LOSS = "losses/held_out_bce";
    static final String NETWORK_FILE = "autoencoder.zip";
    private static final int SHOWN = 16;

    private final AutoencoderSettings config;
    private final ImageSet train;
    private final ImageSet heldOut;

    public AutoencoderTrainer(AutoencoderSettings config, ImageSet train, ImageSet heldOut) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("--batch-size (" + config.batchSize() + ") is more than the " + train.count()
                    + " training images");
        }
        if (config instanceof ConvAutoencoderConfig && (train.height() != 28 || train.width() != 28 || train.channels() != 1)) {
            throw new IllegalArgumentException("conv-ae is built for 28x28 grey images, got " + train.channels() + "x"
                    + train.height() + "x" + train.width() + "; point --data at MNIST-format files of 28x28 images");
        }
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalImages());
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.loss(TRAIN_LOSS, "train BCE", "%.1f"), Metric.loss(HELD_OUT_LOSS, "held-out BCE", "%.1f"));
    }

    @Override
    public Trained<Sampler> train(TrainingContext context) {
        int pixels = train.size();
        ImageShape shape = ImageShape.of(train);
        AutoencoderNetworks.Built built = AutoencoderNetworks.build(config, train.height(), train.width());
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        MultiLayerNetwork network = resumed.map(saved -> ModelFiles.readNetwork(saved, NETWORK_FILE)).orElse(built.network());
        long start = resumed.map(Checkpoint::episodesDone).orElse(0L);
        int codeLayer = built.codeLayer();
        int batch = config.batchSize();
        Minibatches minibatches = new Minibatches(train.pixels(), pixels, batch, config.seed());
        minibatches.replay(start);
        int batches = minibatches.count();
        INDArray heldOutInput = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), pixels}, 'c');
        DataSet heldOutSet = new DataSet(heldOutInput, built.imageOutput()
                ? heldOutInput.reshape('c', heldOut.count(), 1, train.height(), train.width()) : heldOutInput);
        CheckpointStore.Contents contents = folder -> {
            ModelFiles.writeNetwork(folder, NETWORK_FILE, network);
            shape.writeTo(folder);
            CodeArea.of(codes(network, codeLayer, heldOutInput), config.codeSize()).writeTo(folder);
        };

        for (long epoch = start; epoch < config.epochs(); epoch++) {
            if (context.stopRequested()) {
                return context.trained(sampler(network, codeLayer, shape, heldOutInput), Trained.Outcome.CANCELLED, epoch);
            }
            minibatches.shuffle();
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (b > 0 && context.stopRequested()) {
                    // The network holds part of an epoch: the checkpoint of the last whole one is what counts.
                    return context.trained(sampler(network, codeLayer, shape, heldOutInput), Trained.Outcome.CANCELLED, epoch);
                }
                INDArray input = minibatches.batch(b);
                network.fit(input, built.imageOutput() ? input.reshape('c', batch, 1, train.height(), train.width()) : input);
                lossSum += network.score();
            }
            // DL4J's XENT score sums over the pixels of an image and averages over images: nats per image.
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(TRAIN_LOSS, lossSum / batches);
            metrics.put(HELD_OUT_LOSS, network.score(heldOutSet));
            context.report(EpisodeReport.of(epoch, (epoch + 1) * batches, metrics));
            context.checkpoints().save(epoch + 1, contents);
        }
        context.folder().ifPresent(dir -> pictures(dir, network, heldOutInput, codeLayer));
        return context.trained(sampler(network, codeLayer, shape, heldOutInput), Trained.Outcome.FINISHED,
                Math.max(start, config.epochs()));
    }

    private Sampler sampler(MultiLayerNetwork network, int codeLayer, ImageShape shape, INDArray heldOutInput) {
        return sampler(network, codeLayer, shape, CodeArea.of(codes(network, codeLayer, heldOutInput), config.codeSize()));
    }

    /** Decodes codes drawn uniformly in {@code area}, where the held-out images' codes lay. */
    static Sampler sampler(MultiLayerNetwork network, int codeLayer, ImageShape shape, CodeArea area) {
        return new ImageSampler(ImageSampler.uniform(area.low(), area.high()), codes -> decode(network, codeLayer, codes, shape), shape);
    }

    /** Runs {@code codes} through the layers after the code, to images in [0, 1]. */
    private static float[] decode(MultiLayerNetwork network, int codeLayer, INDArray codes, ImageShape shape) {
        // Input preprocessors take the minibatch size from the network's input, which a loaded network lacks.
        network.setInput(Nd4j.zeros(DataType.FLOAT, codes.rows(), shape.size()));
        return RowMajor.floats(network.activateSelectedLayers(codeLayer + 1, network.getnLayers() - 1, codes));
    }

    private static float[] codes(MultiLayerNetwork network, int codeLayer, INDArray images) {
        return RowMajor.floats(network.feedForwardToLayer(codeLayer, images, false).get(codeLayer + 1));
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
            float[] codes = codes(network, codeLayer, heldOutInput);
            LatentPictures.scatter(codes, heldOut.labels(), dir.resolve("codes.png"));
            ImageShape shape = ImageShape.of(train);
            LatentPictures.decodedGrid(z -> decode(network, codeLayer, Nd4j.create(z, new long[] {z.length / 2, 2}, 'c'), shape),
                    15, LatentPictures.Area.ofCodes(codes), 1, train.height(), train.width(), dir.resolve("decoded.png"));
        }
    }
}
