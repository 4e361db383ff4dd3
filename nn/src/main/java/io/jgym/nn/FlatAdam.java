package io.jgym.nn;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One gradient step of a DL4J network with DL4J's Adam formula computed in plain Java on the flat
 * parameter and gradient vectors. DL4J computes the gradient; its updater then costs about 0.4-1 ms
 * a step on networks of 5,000-200,000 parameters, mostly in crossing into native code and in
 * passes over the arrays one operation at a time, where this single vectorised loop is several
 * times cheaper. The step is DL4J's bit for bit (the summed gradient divided by the minibatch's
 * rows, then libnd4j's {@code adam_updater} in float), so training gives the same numbers either way.
 * The moments live in DL4J's own updater state array (the first half m, the second v), read and
 * written at every step, so a saved network keeps them and a restored one continues exactly; the
 * step size is read from the layers' Adam settings each step, so a schedule or
 * {@code setLearningRate} applies as it does in DL4J. Only for networks DL4J would update the same
 * way with one Adam block and nothing else (frozen layers apart): no gradient normalisation, no
 * regularisation, parameters and gradients in one flat buffer each. It can clip the gradient's
 * global L2 norm, as PyTorch's {@code clip_grad_norm_} does and DL4J cannot (DL4J clips per layer).
 */
public final class FlatAdam {
    private final MultiLayerNetwork network;
    private final int adamLayer;
    private final int from;
    private final int size;
    private final double maxGradNorm;
    private final float[] parameters;
    private final float[] gradient;
    private final float[] first;
    private final float[] second;
    private final NativePowers beta1Powers = new NativePowers();
    private final NativePowers beta2Powers = new NativePowers();

    private FlatAdam(MultiLayerNetwork network, int adamLayer, int from, int size, double maxGradNorm) {
        this.network = network;
        this.adamLayer = adamLayer;
        this.from = from;
        this.size = size;
        this.maxGradNorm = maxGradNorm;
        int total = Math.toIntExact(network.numParams());
        this.parameters = new float[total];
        this.gradient = new float[total];
        this.first = new float[size];
        this.second = new float[size];
    }

    /**
     * The plain-Java step for {@code network}, when DL4J would update it with one Adam block and no
     * extras; frozen layers (sine-gan's filter) may follow it, and their parameters never move.
     */
    public static Optional<FlatAdam> of(MultiLayerNetwork network) {
        return of(network, 0);
    }

    /**
     * The plain-Java step for {@code network}, as {@link #of(MultiLayerNetwork)}, that first scales
     * the minibatch's mean gradient down to an L2 norm of {@code maxGradNorm} when it is longer
     * (PyTorch's {@code clip_grad_norm_}, which Stable-Baselines3's DQN applies): one norm over all
     * the trained parameters, where DL4J's {@code ClipL2PerLayer} clips each layer by itself.
     *
     * @param maxGradNorm the largest gradient norm, or 0 not to clip
     */
    public static Optional<FlatAdam> of(MultiLayerNetwork network, double maxGradNorm) {
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("the largest gradient norm must be 0 (no clipping) or positive, not " + maxGradNorm);
        }
        long total = network.numParams();
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView(); // made by the first fit otherwise
        }
        if (!flat(network.params(), total) || !flat(network.getFlattenedGradients(), total)
                || !(network.getUpdater() instanceof MultiLayerUpdater updater)) {
            return Optional.empty();
        }
        UpdaterBlock adam = null;
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            UpdaterBlock.ParamState first = block.getLayersAndVariablesInBlock().get(0);
            IUpdater config = first.getLayer().getConfig().getUpdaterByParam(first.getParamName());
            if (config instanceof Adam && adam == null) {
                adam = block;
            } else if (!(config instanceof NoOp)) {
                return Optional.empty(); // another optimiser, or Adam in two blocks
            }
        }
        if (adam == null || adam.getUpdaterViewOffsetStart() != 0) {
            return Optional.empty();
        }
        int size = adam.getParamOffsetEnd() - adam.getParamOffsetStart();
        if (!flat(updater.getStateViewArray(), 2L * size)) {
            return Optional.empty();
        }
        int adamLayer = -1;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayer(i).conf().getLayer();
            if (layer instanceof FrozenLayerWithBackprop || layer instanceof FrozenLayer) {
                continue;
            }
            if (!(layer instanceof BaseLayer base) || !base.getRegularization().isEmpty() || !base.getRegularizationBias().isEmpty()
                    || (base.getGradientNormalization() != null && base.getGradientNormalization() != GradientNormalization.None)) {
                return Optional.empty();
            }
            adamLayer = adamLayer < 0 && base.getIUpdater() instanceof Adam ? i : adamLayer;
        }
        return Optional.of(new FlatAdam(network, adamLayer, adam.getParamOffsetStart(), size, maxGradNorm));
    }

    /** A fit of {@code network} on inputs and labels: this class's where it applies, else DL4J's own {@code fit}. */
    public static BiConsumer<INDArray, INDArray> fitOf(MultiLayerNetwork network) {
        return fitOf(network, 0);
    }

    /**
     * A fit of {@code network} that clips the global gradient norm at {@code maxGradNorm} (0: not)
     * where this class applies, else DL4J's own {@code fit}, with whatever gradient normalisation
     * the network's configuration names.
     */
    public static BiConsumer<INDArray, INDArray> fitOf(MultiLayerNetwork network, double maxGradNorm) {
        return of(network, maxGradNorm).<BiConsumer<INDArray, INDArray>>map(adam -> adam::fit).orElse(network::fit);
    }

    private static boolean flat(INDArray array, long length) {
        return array != null && array.offset() == 0 && array.length() == length && array.data().length() == length;
    }

    /** Moves the network one Adam step down the gradient of its loss on {@code input} and {@code labels}, as DL4J's {@code fit} does. */
    public void fit(INDArray input, INDArray labels) {
        network.setInput(input);
        network.setLabels(labels);
        network.computeGradientAndScore();
        step(input.size(0));
    }

    /**
     * Moves the network one Adam step down the gradient already in its gradient view, summed over a
     * minibatch of {@code rows}: what DL4J's updater and a parameter update do after
     * {@code backpropGradient}.
     */
    public void step(long rows) {
        network.params().data().asNioFloat().get(parameters);
        network.getFlattenedGradients().data().asNioFloat().get(gradient);
        INDArray state = network.getUpdater().getStateViewArray(); // a new array after setLearningRate
        state.data().asNioFloat().get(first).get(second);
        int iteration = network.getIterationCount();
        Adam adam = (Adam) ((BaseLayer) network.getLayer(adamLayer).conf().getLayer()).getIUpdater();
        update(adam, iteration, (float) rows);
        network.params().data().asNioFloat().put(parameters);
        state.data().asNioFloat().put(first).put(second);
        network.setIterationCount(iteration + 1);
    }

    /**
     * DL4J's update in float: the summed gradient divided by the minibatch's rows (and clipped, when
     * asked), then libnd4j's {@code adam_updater} (bias corrections folded into the step size,
     * epsilon outside the root).
     */
    private void update(Adam adam, int iteration, float rows) {
        float beta1 = (float) adam.getBeta1();
        float beta2 = (float) adam.getBeta2();
        float epsilon = (float) adam.getEpsilon();
        float rate = (float) adam.getLearningRate(iteration, network.getEpochCount());
        float beta1Power = beta1Powers.power(beta1, iteration + 1);
        float beta2Power = beta2Powers.power(beta2, iteration + 1);
        // The corrections as libnd4j computes them: 1 - beta2^t rounded to float under the root, 1 - beta1^t in double.
        float stepSize = (float) (rate * (float) Math.sqrt((float) (1.0 - beta2Power)) / (1.0 - beta1Power));
        if (epsilon == 0f) {
            epsilon = 1e-7f;
        }
        if (!Float.isFinite(stepSize) || stepSize == 0f) {
            stepSize = epsilon;
        }
        float clip = clipFactor(rows);
        for (int i = 0; i < size; i++) {
            float g = gradient[from + i] / rows * clip;
            float m = beta1 * first[i] + g * (1f - beta1);
            float v = beta2 * second[i] + g * g * (1f - beta2);
            first[i] = m;
            second[i] = v;
            parameters[from + i] -= m * stepSize / ((float) Math.sqrt(v) + epsilon);
        }
        flushSubnormals(first);
        flushSubnormals(second);
    }

    /**
     * What the mean gradient is multiplied by: {@code maxGradNorm / (norm + 1e-6)} when that is
     * below 1, as in PyTorch, else exactly 1 (so an unclipped step stays DL4J's bit for bit).
     */
    private float clipFactor(float rows) {
        if (maxGradNorm == 0) {
            return 1f;
        }
        double squares = 0;
        for (int i = 0; i < size; i++) {
            float g = gradient[from + i] / rows;
            squares += (double) g * g;
        }
        double factor = maxGradNorm / (Math.sqrt(squares) + 1e-6);
        return factor < 1 ? (float) factor : 1f;
    }

    /**
     * Sets the moments that decayed below float's normal range to zero. A parameter whose gradient
     * stays zero (a dead ReLU unit) has moments that shrink by beta each step and spend hundreds to
     * thousands of steps as subnormal numbers, and arithmetic on those is many times slower on x86:
     * with a third of a DQN's moments subnormal the step took 0.4 ms instead of 0.06. Such a moment
     * moves its parameter by under 1e-30, far below the float spacing of any weight, so the
     * parameters come out as DL4J's.
     */
    private static void flushSubnormals(float[] moments) {
        for (int i = 0; i < moments.length; i++) {
            if (Math.abs(moments[i]) < Float.MIN_NORMAL) {
                moments[i] = 0f;
            }
        }
    }

    /**
     * {@code base^exponent} exactly as libnd4j's float {@code pow} gives it (Java's {@code Math.pow}
     * rounded to float differs in the last bit for about one exponent in 60), computed by ND4J for
     * {@value #BLOCK} exponents at a time.
     */
    private static final class NativePowers {
        private static final int BLOCK = 4096;
        private float base = Float.NaN;
        private int first;
        private float[] powers = new float[0];

        float power(float base, int exponent) {
            if (base != this.base || exponent < first || exponent >= first + powers.length) {
                this.base = base;
                this.first = exponent;
                INDArray exponents = Nd4j.arange(exponent, exponent + BLOCK).castTo(DataType.FLOAT);
                powers = Transforms.pow(Nd4j.valueArrayOf(new long[] {BLOCK}, base, DataType.FLOAT), exponents, false)
                        .data().asFloat();
            }
            return powers[exponent - first];
        }
    }
}
