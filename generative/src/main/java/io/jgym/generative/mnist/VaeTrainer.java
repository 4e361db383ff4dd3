package io.jgym.generative.mnist;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.gan.Minibatches;
import io.jgym.generative.gan.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.LatentPictures;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * {@code vae}: a variational autoencoder with a Gaussian latent (2-D by default), KL to N(0, I) and a
 * Bernoulli likelihood summed over pixels, on DL4J's built-in dense VAE layer (encoder and decoder
 * of the configured widths, LeakyReLU). Each epoch reports the training and held-out negative ELBO
 * (KL plus reconstruction, one latent sample) and the held-out reconstruction term
 * {@code -log mean_z p(x|z)} over 16 samples of q(z|x) (DL4J's reconstruction probability), all in
 * nats per image. At the end it writes samples from the prior ({@code samples.png}), the latent
 * means of held-out images ({@code codes.png}), images decoded over the latent plane
 * ({@code decoded.png}) and the model.
 */
public final class VaeTrainer implements Trainer {
    public static final String TRAIN_NEG_ELBO = "losses/train_neg_elbo";
    public static final String HELD_OUT_NEG_ELBO = "quality/held_out_neg_elbo";
    public static final String HELD_OUT_RECONSTRUCTION = "quality/held_out_reconstruction";
    private static final int IMPORTANCE_SAMPLES = 16;
    private static final int PRIOR_SAMPLES = 64;
    private static final float LATENT_EXTENT = 3f;

    private final AutoencoderConfig config;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final String runName;
    private final Optional<Path> output;

    public VaeTrainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName, Optional<Path> output) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("need at least one batch of " + config.batchSize() + " images, got " + train.count());
        }
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalImages());
        this.runName = runName;
        this.output = output;
    }

    private MultiLayerNetwork network(int pixels) {
        int[] widths = config.encoderLayers().stream().mapToInt(Integer::intValue).toArray();
        int[] mirrored = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            mirrored[i] = widths[widths.length - 1 - i];
        }
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(config.seed())
                .weightInit(WeightInit.XAVIER).updater(new Adam(config.learningRate())).list()
                .layer(new VariationalAutoencoder.Builder().nIn(pixels).nOut(config.codeSize())
                        .encoderLayerSizes(widths).decoderLayerSizes(mirrored).activation(Activation.LEAKYRELU)
                        .pzxActivationFunction(Activation.IDENTITY)
                        .reconstructionDistribution(new BernoulliReconstructionDistribution(Activation.SIGMOID.getActivationFunction()))
                        .build())
                .build());
        network.init();
        return network;
    }

    @Override
    public void train(TrainingListener listener) {
        int pixels = train.size();
        MultiLayerNetwork network = network(pixels);
        org.deeplearning4j.nn.layers.variational.VariationalAutoencoder vae =
                (org.deeplearning4j.nn.layers.variational.VariationalAutoencoder) network.getLayer(0);
        Nd4j.getRandom().setSeed(config.seed()); // network construction reset it; the VAE samples from it
        Minibatches minibatches = new Minibatches(train.pixels(), pixels, config.batchSize(), config.seed());
        int batches = minibatches.count();
        INDArray heldOutInput = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), pixels}, 'c');

        listener.onStart(runName);
        try {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                minibatches.shuffle();
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    network.pretrainLayer(0, minibatches.batch(b));
                    lossSum += vae.score();
                }
                double trainLoss = lossSum / batches;
                if (!Double.isFinite(trainLoss)) {
                    throw new IllegalStateException("VAE loss became " + trainLoss + " in epoch " + epoch + "; try a lower --learning-rate");
                }
                vae.setInput(heldOutInput, LayerWorkspaceMgr.noWorkspaces());
                vae.computeGradientAndScore(LayerWorkspaceMgr.noWorkspaces());
                double heldOutElbo = vae.score();
                double heldOutReconstruction = -vae.reconstructionLogProbability(heldOutInput, IMPORTANCE_SAMPLES).meanNumber().doubleValue();
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(TRAIN_NEG_ELBO, trainLoss);
                metrics.put(HELD_OUT_NEG_ELBO, heldOutElbo);
                metrics.put(HELD_OUT_RECONSTRUCTION, heldOutReconstruction);
                listener.onEpisode(EpisodeReport.of(epoch, (long) (epoch + 1) * batches, metrics));
            }
            output.ifPresent(dir -> pictures(dir, network, vae, heldOutInput));
        } finally {
            listener.onEnd();
        }
    }

    private void pictures(Path dir, MultiLayerNetwork network,
                          org.deeplearning4j.nn.layers.variational.VariationalAutoencoder vae, INDArray heldOutInput) {
        INDArray prior = Nd4j.randn(DataType.FLOAT, PRIOR_SAMPLES, config.codeSize());
        ImageGrid.write(RowMajor.floats(vae.generateAtMeanGivenZ(prior)), train.height(), train.width(), 8, 2,
                dir.resolve("samples.png"));
        if (config.codeSize() == 2) {
            LatentPictures.scatter(RowMajor.floats(network.output(heldOutInput, false)), heldOut.labels(), dir.resolve("codes.png"));
            LatentPictures.decodedGrid(z -> RowMajor.floats(vae.generateAtMeanGivenZ(Nd4j.create(z, new long[] {z.length / 2, 2}, 'c'))),
                    15, LATENT_EXTENT, train.height(), train.width(), dir.resolve("decoded.png"));
        }
        AtomicFiles.write(dir.resolve("checkpoints/vae.zip"), out -> ModelSerializer.writeModel(network, out, true));
    }
}
