package io.jgym.generative.gan;

import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * An exponential moving average of a generator's parameters, the network a GAN is sampled from
 * (Yazici et al., "The unusual effectiveness of averaging in GAN training", 2019; Karras et al.'s
 * progressive GANs). The generator itself jitters from step to step as it chases the discriminator,
 * and on a dense image GAN that jitter shows as salt-and-pepper pixels; the average keeps what the
 * steps agree on. After generator step t the average moves by {@code 1 - min(decay, (1 + t) / (10 + t))},
 * so it follows the young generator closely and settles to {@code decay} later. The step count is the
 * generator's own update count, which its checkpoint keeps, so a resumed run averages exactly as an
 * uninterrupted one. With decay 0 there is no average: the generator itself is sampled.
 */
public final class GeneratorAverage {
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork average;
    private final double decay;

    private GeneratorAverage(MultiLayerNetwork generator, MultiLayerNetwork average, double decay) {
        this.generator = generator;
        this.average = average;
        this.decay = decay;
    }

    /**
     * Averages {@code generator} from {@code start}, a copy of it for a new run or the saved average for a
     * resumed one; decay 0 keeps no average (and never asks for {@code start}).
     *
     * @throws IllegalArgumentException if decay is not in [0, 1)
     */
    public static GeneratorAverage of(MultiLayerNetwork generator, Supplier<MultiLayerNetwork> start, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the generator average's decay must be in [0, 1), got " + decay);
        }
        return decay == 0 ? none(generator) : new GeneratorAverage(generator, start.get(), decay);
    }

    /** No average: {@link #network()} is the generator itself. */
    public static GeneratorAverage none(MultiLayerNetwork generator) {
        return new GeneratorAverage(generator, generator, 0);
    }

    /** Whether there is an average apart from the generator (to checkpoint). */
    public boolean averaging() {
        return average != generator;
    }

    /** The network to sample from: the average, or the generator when there is none. */
    public MultiLayerNetwork network() {
        return average;
    }

    /** Moves the average towards the generator after one of its steps. */
    void update() {
        if (!averaging()) {
            return;
        }
        long step = generator.getIterationCount();
        double kept = Math.min(decay, (1.0 + step) / (10.0 + step));
        average.params().muli(kept).addi(generator.params().mul(1 - kept));
    }
}
