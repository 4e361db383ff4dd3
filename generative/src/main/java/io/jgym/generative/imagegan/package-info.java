/**
 * GANs on images, trained one epoch per episode by {@link io.jgym.generative.imagegan.ImageGanTrainer}:
 * {@code dense-gan} (settings in {@code mnist}) and the convolutional {@code dcgan-rgb}.
 */
package io.jgym.generative.imagegan;
