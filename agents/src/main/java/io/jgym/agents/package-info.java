/**
 * Reinforcement-learning agents on deeplearning4j. They see only the {@code Env} contract, so the
 * same code trains in-process or against any gym-http-api server, and they report through the
 * {@code Trainer}/{@code TrainingListener} contract shared with the generative models.
 */
package io.jgym.agents;
