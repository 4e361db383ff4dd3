/**
 * Training runs as a resource of the server ({@code /v1/runs/...}, on with {@code --allow-runs}):
 * requests checked against the trainer registry before any process starts, a queue that runs each
 * training in its own child JVM ({@code jgym train}) under a concurrency limit and per-run wall-time
 * and disk limits, and views of the runs folder (status, metrics, files, live events) that treat the
 * run folder as the truth, so runs started from the command line and runs of an earlier server are
 * listed too. The server itself only reads trainers' metadata (names, presets, config records) and
 * never loads a training library.
 */
package io.jgym.server.runs;
