package io.jgym.contracts.training;

import java.nio.file.Path;
import java.util.List;

/**
 * What a trained generative model is used for: drawing new samples and saving them where a person
 * can look at them (a PNG grid of images; a CSV of waves or points with a plot of them).
 */
@FunctionalInterface
public interface Sampler {

    /** Draws {@code count} samples from latent seed {@code seed} into {@code folder}; returns the files written. */
    List<Path> writeSamples(int count, long seed, Path folder);
}
