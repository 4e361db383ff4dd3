package io.jgym.generative.vae;

import io.jgym.generative.QuietSameDiff;
import java.util.Random;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One minibatch update of the convolutional VAE ({@link ConvVaeGraph}) and the running mean of its
 * training loss: feeds the images with fresh standard-normal noise for the reparameterisation,
 * drawn from a generator seeded by the run's seed and the epoch number (so a resumed run draws what
 * an uninterrupted one would). Used by {@link ConvVaeTrainer} and by the step-timing benchmark.
 */
public final class VaeStep {
    private final SameDiff graph;
    private final int batchSize;
    private final int latentSize;
    private final long seed;
    private final LossSum lossSum = new LossSum();
    private Random noise;

    /** Prepares {@code graph} for training (its gradient function is built here, once). */
    public VaeStep(SameDiff graph, ConvVaeSettings config) {
        this.graph = graph;
        this.batchSize = config.batchSize();
        this.latentSize = config.latentSize();
        this.seed = config.seed();
        QuietSameDiff.run(graph::createGradFunction);
        startEpoch(0);
    }

    /** Starts epoch {@code epoch}: its noise stream and a new loss mean. */
    public void startEpoch(long epoch) {
        noise = new Random(seed * 1_000_003L + epoch);
        lossSum.reset();
    }

    /** Fits one minibatch of {@code batchSize} flat images. */
    public void fit(INDArray images) {
        graph.fit(new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {images, noise(noise, batchSize, latentSize)},
                new INDArray[0]), lossSum);
    }

    /** Mean training loss (negative ELBO, nats per image) of the minibatches fitted since the epoch started. */
    public double meanLoss() {
        return lossSum.mean();
    }

    /** Standard-normal noise, [rows, latentSize]. */
    static INDArray noise(Random random, long rows, int latentSize) {
        float[] values = new float[(int) rows * latentSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, latentSize}, 'c');
    }

    /**
     * Adds up the training loss of each minibatch, its reconstruction and KL terms as the graph
     * computes them. (The {@code Loss} that SameDiff hands to {@code iterationDone} holds 0 here:
     * the sum itself is never evaluated, since its gradient is known without it.)
     */
    private static final class LossSum extends BaseListener {
        private double sum;
        private int batches;

        void reset() {
            sum = 0;
            batches = 0;
        }

        double mean() {
            return sum / batches;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder().trainingVariables(ConvVaeGraph.RECONSTRUCTION, ConvVaeGraph.KL).build();
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String variable, INDArray value) {
            if (ConvVaeGraph.RECONSTRUCTION.equals(variable) || ConvVaeGraph.KL.equals(variable)) {
                sum += value.getDouble(0);
                batches += ConvVaeGraph.KL.equals(variable) ? 1 : 0;
            }
        }
    }
}
