/**
 * Sweeps: many seeds times several configurations (times several tasks) of one trainer. A
 * {@link io.jgym.sweeps.SweepSpec} (YAML or JSON) expands into a {@link io.jgym.sweeps.SweepPlan} of ordinary
 * run folders under {@code runs/<sweep>/}; an engine runs each in its own JVM (a local pool of worker threads,
 * or the durable executor of a Hazelcast cluster); the report aggregates the final scores with the statistics
 * of {@link io.jgym.sweeps.stats}. Re-running a sweep skips finished runs and resumes the others.
 */
package io.jgym.sweeps;
