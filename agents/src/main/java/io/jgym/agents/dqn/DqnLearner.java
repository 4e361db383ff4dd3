package io.jgym.agents.dqn;

import io.jgym.nn.FlatAdam;
import java.util.function.BiConsumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One DQN gradient step: sample a minibatch, build the bootstrapped targets
 * {@code r + gamma * Q_target(s', a*)} (with {@code a*} from the online network under Double DQN),
 * and fit the online network towards them on the taken actions only. The Huber loss is applied
 * by clipping the TD error to [-1, 1] inside the target, which gives the squared-error output layer
 * exactly the Huber gradient. All arrays are allocated once and filled through their native memory.
 * With Adam the step is {@link FlatAdam}'s (DL4J's update in plain Java, bit for bit, clipping the
 * gradient's global norm at {@code --max-grad-norm}), else DL4J's own {@code fit} (and a network
 * saved before jgym clipped globally keeps the per-layer clipping its configuration names).
 */
public final class DqnLearner {
    private final MultiLayerNetwork online;
    private final TargetNetwork target;
    private final DqnConfig config;
    private final int observationSize;
    private final int actions;
    private final ReplayBuffer.Batch batch;
    private final float[] stacked;
    private final float[] label;
    private final INDArray stackedInput;
    private final INDArray nextInput;
    private final INDArray input;
    private final INDArray labels;
    private final BiConsumer<INDArray, INDArray> fit;

    /** Loss and mean Q-value of the taken actions for one gradient step. */
    public record Update(double tdLoss, double meanQ) {
    }

    public DqnLearner(MultiLayerNetwork online, TargetNetwork target, DqnConfig config, int observationSize, int actions) {
        this.online = online;
        this.target = target;
        this.config = config;
        this.observationSize = observationSize;
        this.actions = actions;
        int rows = config.batchSize();
        this.batch = new ReplayBuffer.Batch(rows, observationSize);
        this.stacked = new float[2 * rows * observationSize];
        this.label = new float[rows * actions];
        this.stackedInput = Nd4j.create(DataType.FLOAT, 2L * rows, observationSize);
        this.nextInput = Nd4j.create(DataType.FLOAT, rows, observationSize);
        this.input = Nd4j.create(DataType.FLOAT, rows, observationSize);
        this.labels = Nd4j.create(DataType.FLOAT, rows, actions);
        this.fit = FlatAdam.fitOf(online, config.maxGradNorm());
    }

    /** Samples from {@code buffer}, takes one gradient step, and updates the target network when due. */
    public Update step(ReplayBuffer buffer, SplitMix64 random) {
        buffer.sample(random, batch);
        int rows = batch.size;
        int half = rows * observationSize;
        System.arraycopy(batch.observations, 0, stacked, 0, half);
        System.arraycopy(batch.nextObservations, 0, stacked, half, half);
        stackedInput.data().asNioFloat().put(stacked);
        nextInput.data().asNioFloat().put(batch.nextObservations);
        input.data().asNioFloat().put(batch.observations);

        // Online Q for s (rows 0..B-1) and s' (rows B..2B-1) in one call; target Q for s'.
        float[] onlineQ = GreedyActions.values(online.output(stackedInput, false));
        float[] targetNextQ = GreedyActions.values(target.network().output(nextInput, false));

        System.arraycopy(onlineQ, 0, label, 0, rows * actions);
        double lossSum = 0;
        double qSum = 0;
        for (int row = 0; row < rows; row++) {
            int nextAction = config.doubleDqn()
                    ? GreedyActions.argmax(onlineQ, (rows + row) * actions, actions)
                    : GreedyActions.argmax(targetNextQ, row * actions, actions);
            double bootstrap = batch.terminals[row] ? 0.0 : config.gamma() * targetNextQ[row * actions + nextAction];
            int cell = row * actions + batch.actions[row];
            double q = onlineQ[cell];
            double delta = batch.rewards[row] + bootstrap - q;
            double absDelta = Math.abs(delta);
            if (config.loss() == DqnConfig.Loss.HUBER) {
                lossSum += absDelta <= 1 ? 0.5 * delta * delta : absDelta - 0.5;
                delta = Math.max(-1.0, Math.min(1.0, delta));
            } else {
                lossSum += delta * delta;
            }
            label[cell] = (float) (q + delta);
            qSum += q;
        }
        double loss = lossSum / rows; // a NaN or infinite loss is caught where the episode is reported
        labels.data().asNioFloat().put(label);
        fit.accept(input, labels);
        target.afterGradientStep(online, online.getIterationCount());
        return new Update(loss, qSum / rows);
    }
}
