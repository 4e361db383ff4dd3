package io.jgym.generative.metrics;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small image classifier that stands in for an Inception network when judging generated images
 * without internet access: dense 256-64 (ReLU) to softmax classes, trained once on the labelled
 * training images and cached as a DL4J model file, so later runs load it. Its 64 penultimate
 * activations are the feature space of the Frechet distance.
 */
public final class ImageClassifier {
    private static final int EPOCHS = 2;
    private static final int BATCH = 128;
    private static final int FEATURE_LAYER = 1;

    private final MultiLayerNetwork network;
    private final int pixels;

    private ImageClassifier(MultiLayerNetwork network, int pixels) {
        this.network = network;
        this.pixels = pixels;
    }

    /** Loads the classifier cached at {@code cacheFile}, or trains one on {@code train} and caches it there. */
    public static ImageClassifier trainOrLoad(ImageSet train, Path cacheFile, long seed) {
        if (Files.isRegularFile(cacheFile)) {
            try {
                return new ImageClassifier(ModelSerializer.restoreMultiLayerNetwork(cacheFile.toFile(), false), train.size());
            } catch (IOException e) {
                throw new UncheckedIOException("could not load the cached classifier " + cacheFile + "; delete it to retrain", e);
            }
        }
        ImageClassifier classifier = train(train, seed);
        AtomicFiles.write(cacheFile, out -> ModelSerializer.writeModel(classifier.network, out, false));
        return classifier;
    }

    static ImageClassifier train(ImageSet train, long seed) {
        int classes = Arrays.stream(train.labels()).max().orElse(0) + 1;
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .weightInit(WeightInit.XAVIER).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(train.size()).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        int batch = Math.min(BATCH, train.count());
        Minibatches minibatches = new Minibatches(train.pixels(), train.size(), batch, seed);
        float[] y = new float[batch * classes];
        INDArray labels = Nd4j.create(DataType.FLOAT, batch, classes);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            minibatches.shuffle();
            for (int b = 0; b < minibatches.count(); b++) {
                Arrays.fill(y, 0f);
                for (int r = 0; r < batch; r++) {
                    y[r * classes + train.labels()[minibatches.sample(b, r)]] = 1f;
                }
                INDArray input = minibatches.batch(b);
                labels.data().setData(y);
                network.fit(input, labels);
            }
        }
        return new ImageClassifier(network, train.size());
    }

    /** Class probabilities, row-major [n, classes], for images in [0, 1]. */
    public float[] probabilities(float[] images) {
        return RowMajor.floats(network.output(matrix(images), false));
    }

    /** Penultimate-layer features, row-major [n, featureSize()]. */
    public float[] features(float[] images) {
        return RowMajor.floats(network.feedForwardToLayer(FEATURE_LAYER, matrix(images), false).get(FEATURE_LAYER + 1));
    }

    public int featureSize() {
        return network.layerSize(FEATURE_LAYER);
    }

    public int classes() {
        return network.layerSize(network.getnLayers() - 1);
    }

    /** Share of {@code images} whose most probable class is their label. */
    public double accuracy(ImageSet images) {
        float[] p = probabilities(images.pixels());
        int classes = classes();
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (p[i * classes + k] > p[i * classes + best]) {
                    best = k;
                }
            }
            correct += best == images.labels()[i] ? 1 : 0;
        }
        return (double) correct / images.count();
    }

    private INDArray matrix(float[] images) {
        return Nd4j.create(images, new long[] {images.length / pixels, pixels}, 'c');
    }
}
