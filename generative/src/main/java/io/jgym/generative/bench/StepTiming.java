package io.jgym.generative.bench;

import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Times one trainer's minibatch updates with its default settings, for {@code bench/peers/generative.sh}:
 * {@code warmUp} updates, then {@code minibatches} timed one by one; prints the median and mean
 * milliseconds per minibatch and the mean losses of the last quarter of them. The minibatches are
 * the first {@value #POOL} of one shuffled epoch, used in turn; with a folder they are also written
 * there as {@code data.npy} (with {@code filter.npy} for sine-gan), so the PyTorch peer trains on
 * the very same batches in the same order.
 * <p>
 * {@code java -cp launcher/target/jgym.jar io.jgym.generative.bench.StepTiming <trainer> [minibatches] [warm-up] [folder]}
 */
public final class StepTiming {
    /** Distinct minibatches cycled through (at most an epoch's). */
    static final int POOL = 20;

    private StepTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: StepTiming <" + String.join("|", Workloads.TRAINERS) + "> [minibatches] [warm-up] [data folder]");
            System.exit(2);
        }
        String trainer = args[0];
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Workload workload = Workloads.of(trainer);
        Minibatches minibatches = workload.minibatches();
        minibatches.shuffle();
        int pool = Math.min(POOL, minibatches.count());
        if (args.length > 3) {
            Path folder = Files.createDirectories(Path.of(args[3]));
            writeData(minibatches, pool, folder.resolve("data.npy"));
            workload.writeExtras(folder);
        }
        for (int i = 0; i < warmUp; i++) {
            workload.step(minibatches.batch(i % pool));
        }
        long[] nanos = new long[timed];
        int names = workload.lossNames().size();
        double[] lossSums = new double[names];
        int tail = Math.max(1, timed / 4);
        for (int i = 0; i < timed; i++) {
            INDArray batch = minibatches.batch((warmUp + i) % pool);
            long started = System.nanoTime();
            double[] losses = workload.step(batch);
            nanos[i] = System.nanoTime() - started;
            if (i >= timed - tail) {
                for (int k = 0; k < names; k++) {
                    lossSums[k] += losses[k];
                }
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[timed / 2] / 1e6;
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        StringBuilder losses = new StringBuilder();
        for (int k = 0; k < names; k++) {
            losses.append(String.format(Locale.ROOT, " %s=%.4f", workload.lossNames().get(k).replace(' ', '_'), lossSums[k] / tail));
        }
        System.out.printf(Locale.ROOT, "RESULT jgym %s median_ms=%.3f mean_ms=%.3f%s%n", trainer, median, mean, losses);
    }

    /** The first {@code pool} minibatches of the current epoch, rows one after the other. */
    private static void writeData(Minibatches minibatches, int pool, Path target) {
        float[] first = RowMajor.floats(minibatches.batch(0));
        int rows = (int) minibatches.batch(0).rows();
        int columns = first.length / rows;
        float[] all = new float[pool * first.length];
        for (int b = 0; b < pool; b++) {
            System.arraycopy(RowMajor.floats(minibatches.batch(b)), 0, all, b * first.length, first.length);
        }
        NpyFile.write(target, all, pool * rows, columns);
    }
}
