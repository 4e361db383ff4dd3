/**
 * Generative models on deeplearning4j, each a {@code Trainer}: an epoch is an episode, reporting its
 * losses and quality scores through the same listeners, run folder and benchmark as the agents.
 */
package io.jgym.generative;
