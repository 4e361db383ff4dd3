package io.jgym.generative.bench;

import io.jgym.generative.data.Minibatches;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainer's minibatch update as {@link StepTiming} runs it: the trainer's default networks, its
 * minibatches (already scaled as the trainer feeds them) and one update that returns the losses
 * the trainer reports. {@link Workloads} makes one per trainer.
 */
interface Workload {
    /** The data as the trainer cuts it into minibatches, shuffled once with the trainer's seed. */
    Minibatches minibatches();

    /** Names of the losses {@link #step} returns, in order. */
    List<String> lossNames();

    /** One minibatch update on {@code batch}; returns the losses the trainer reports for it. */
    double[] step(INDArray batch);

    /** Writes any fixed arrays the peer needs besides the data (none by default). */
    default void writeExtras(Path folder) {
    }
}
