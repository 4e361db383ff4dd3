/**
 * The output folder of a training run, shared by the agents and the generative models: the run's
 * configuration, one metrics row per episode, a learning-curve plot and an HTML page to open.
 */
package io.jgym.runs;
