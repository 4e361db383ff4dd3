package io.jgym.generative.vae;

/**
 * How {@link ConvVaeGraph} scores an image given its decoded pixel means: the term -log p(x|z) of
 * the negative ELBO, in nats per image.
 */
public enum Likelihood {
    /**
     * Independent Bernoulli pixels (binary cross-entropy): the textbook choice for MNIST, whose
     * pixels are nearly all 0 or 1.
     */
    BERNOULLI,
    /**
     * Independent Gaussian pixels around the decoded means with one variance for all pixels, set
     * to its maximum-likelihood value, the minibatch's mean squared error (Rybkin et al. 2021,
     * "Simple and effective VAE training with calibrated decoders"). For continuous values such as
     * colour, where a Bernoulli likelihood makes the mean colour a cheap optimum; a density, so the
     * figure can be negative.
     */
    GAUSSIAN
}
