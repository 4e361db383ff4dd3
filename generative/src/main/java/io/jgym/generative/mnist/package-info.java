/** Trainers on MNIST-format grey-scale images: {@code dense-gan}. */
package io.jgym.generative.mnist;
