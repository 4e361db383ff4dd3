package io.jgym.contracts.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything a {@link Trainer} gets from the runner for one run: its name and folder (absent in
 * benchmarks), the checkpoint store, the stop signal, a folder for caches shared between runs,
 * the provenance to return with the model, and {@link #report}, through which every episode goes to
 * the listeners (progress, metrics file, dashboard). Reporting checks the trainer's declared
 * metrics and guards against divergence once for every trainer.
 */
public final class TrainingContext {
    private final String runName;
    private final Optional<Path> folder;
    private final CheckpointStore checkpoints;
    private final BooleanSupplier stop;
    private final Path cache;
    private final Provenance provenance;
    private final Map<String, Metric> declared;
    private final String divergenceHint;
    private final TrainingListener listener;

    private TrainingContext(Builder builder) {
        this.runName = builder.runName;
        this.folder = builder.folder;
        this.checkpoints = builder.checkpoints;
        this.stop = builder.stop;
        this.cache = builder.cache;
        this.provenance = builder.provenance;
        this.declared = new LinkedHashMap<>();
        builder.metrics.forEach(metric -> declared.put(metric.name(), metric));
        this.divergenceHint = builder.divergenceHint;
        this.listener = builder.listener;
    }

    /** A context for run {@code runName} of a trainer that declares {@code metrics}. */
    public static Builder builder(String runName, Provenance provenance, List<Metric> metrics) {
        return new Builder(runName, provenance, metrics);
    }

    public String runName() {
        return runName;
    }

    /** The run folder, where pictures go; empty when nothing but reports is wanted (benchmarks). */
    public Optional<Path> folder() {
        return folder;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Whether the trainer should stop at the next point where it can (an episode boundary at the latest). */
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** A folder for things worth keeping between runs (a trained judge of image quality). */
    public Path cache() {
        return cache;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** What training returns: {@code model} with this run's provenance. */
    public <M> Trained<M> trained(M model, Trained.Outcome outcome, long episodes) {
        return new Trained<>(model, provenance, outcome, episodes);
    }

    /**
     * Passes one episode's report to the listeners.
     *
     * @throws IllegalStateException       if it holds a metric the trainer did not declare
     * @throws TrainingDivergedException if a declared loss is NaN or infinite
     */
    public void report(EpisodeReport report) {
        for (Map.Entry<String, Double> entry : report.metrics().entrySet()) {
            Metric metric = declared.get(entry.getKey());
            if (metric == null) {
                throw new IllegalStateException(provenance.trainer() + " reported the metric '" + entry.getKey()
                        + "' it did not declare; add it to the trainer's metrics() (declared: " + declared.keySet() + ")");
            }
            if (metric.loss() && !Double.isFinite(entry.getValue())) {
                throw new TrainingDivergedException(metric.name() + " became " + entry.getValue() + " in episode "
                        + report.episode() + " (" + report.totalSteps() + " steps); " + divergenceHint);
            }
        }
        listener.onEpisode(report);
    }

    /** Builds a {@link TrainingContext}; by default nothing is kept, nothing listens and no stop comes. */
    public static final class Builder {
        private final String runName;
        private final Provenance provenance;
        private final List<Metric> metrics;
        private Optional<Path> folder = Optional.empty();
        private CheckpointStore checkpoints = CheckpointStore.none();
        private BooleanSupplier stop = () -> false;
        private Path cache = Path.of("runs", ".cache");
        private String divergenceHint = "try a lower --learning-rate";
        private TrainingListener listener = new TrainingListener() { };

        private Builder(String runName, Provenance provenance, List<Metric> metrics) {
            this.runName = runName;
            this.provenance = provenance;
            this.metrics = List.copyOf(metrics);
        }

        public Builder folder(Path runFolder) {
            this.folder = Optional.of(runFolder);
            return this;
        }

        public Builder checkpoints(CheckpointStore store) {
            this.checkpoints = store;
            return this;
        }

        public Builder stop(BooleanSupplier signal) {
            this.stop = signal;
            return this;
        }

        public Builder cache(Path folder) {
            this.cache = folder;
            return this;
        }

        public Builder divergenceHint(String hint) {
            this.divergenceHint = hint;
            return this;
        }

        public Builder listener(TrainingListener all) {
            this.listener = all;
            return this;
        }

        public TrainingContext build() {
            return new TrainingContext(this);
        }
    }
}
