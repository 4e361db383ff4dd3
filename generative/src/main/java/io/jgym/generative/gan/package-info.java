/** GAN building blocks shared by every GAN trainer: the networks and one adversarial training step. */
package io.jgym.generative.gan;
