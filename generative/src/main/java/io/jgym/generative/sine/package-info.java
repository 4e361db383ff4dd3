/** {@code sine-gan}: a GAN that learns a two-mode family of noisy sine waves, with mode-coverage metrics. */
package io.jgym.generative.sine;
