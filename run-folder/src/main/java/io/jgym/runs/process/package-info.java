/**
 * Training in a child process: a run started by the HTTP server or a sweep worker is the same
 * {@code jgym train} command a user types, in its own JVM, so a native crash or an out-of-memory
 * error ends that run only, and the run folder (with its {@code status.json}) stays the truth.
 */
package io.jgym.runs.process;
