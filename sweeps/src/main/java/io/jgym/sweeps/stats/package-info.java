/**
 * The statistics a sweep reports, as rliable (Agarwal et al., "Deep RL at the edge of the statistical
 * precipice", NeurIPS 2021) computes them: the interquartile mean, mean and median of run scores
 * grouped by task, 95% confidence intervals from a stratified bootstrap (runs resampled within each
 * task, percentile method), and run-score performance profiles. No dependencies.
 */
package io.jgym.sweeps.stats;
