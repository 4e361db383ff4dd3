/** The autoencoders {@code dense-ae} and {@code conv-ae} for MNIST-format grey-scale images: settings, networks, trainer. */
package io.jgym.generative.autoencoder;
