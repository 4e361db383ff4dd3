/** Trainers and settings for MNIST-format grey-scale images: {@code dense-gan}'s settings, {@code dense-ae}, {@code conv-ae}. */
package io.jgym.generative.mnist;
