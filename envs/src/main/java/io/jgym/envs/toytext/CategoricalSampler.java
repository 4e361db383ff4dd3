package io.jgym.envs.toytext;

import io.jgym.contracts.random.NumpyGenerator;

/**
 * Gymnasium's {@code categorical_sample}: {@code argmax(cumsum(p) > random())}, taking exactly one
 * {@code random()} per call, even when one outcome has probability 1. Toy-text environments must
 * draw through this on every step so their random stream stays aligned with Gymnasium's.
 */
final class CategoricalSampler {
    private CategoricalSampler() {
    }

    /** Index of the sampled outcome; the cumulative sum is added sequentially in double, as numpy does. */
    static int sample(double[] probabilities, NumpyGenerator rng) {
        double u = rng.random();
        double cumulative = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (cumulative > u) {
                return i;
            }
        }
        return 0;
    }
}
