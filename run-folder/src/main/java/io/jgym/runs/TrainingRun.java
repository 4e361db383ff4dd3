package io.jgym.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Provenance;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.contracts.training.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One run of one trainer, the single path from settings to a trained model that the command line,
 * the benchmark, the test kit (and the HTTP runs API and sweeps after them) all take. {@link #plan}
 * resolves the config (preset, then a resumed run's saved config, then the settings given) and
 * checks the request before anything is written; {@link #execute} makes the trainer (which opens its
 * environment or data), creates or reopens the run folder with its {@code config.json}, the
 * checkpoint store and the metrics/plot/report outputs, and trains.
 *
 * <p>Resuming: only the trainer's budget settings may be given, and only raised; they extend a
 * finished run, and {@code config.json} records the extension.
 *
 * @param <C> the trainer's config record
 * @param <M> what it trains
 */
public final class TrainingRun<C, M> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainerProvider<C, M> provider;
    private final RunSpec spec;
    private final String preset;
    private final C config;
    private final String name;
    private final Map<String, Object> extension;

    private TrainingRun(TrainerProvider<C, M> provider, RunSpec spec, String preset, C config, String name,
                        Map<String, Object> extension) {
        this.provider = provider;
        this.spec = spec;
        this.preset = preset;
        this.config = config;
        this.name = name;
        this.extension = extension;
    }

    /**
     * Resolves and checks a run of {@code provider} without writing anything.
     *
     * @throws IllegalArgumentException for a bad setting, an unknown preset, a missing run to resume,
     *                                  a new run whose folder is taken, or settings a resumed run cannot change
     */
    public static <C, M> TrainingRun<C, M> plan(TrainerProvider<C, M> provider, RunSpec spec) {
        return spec.resume() ? planResume(provider, spec) : planNew(provider, spec);
    }

    private static <C, M> TrainingRun<C, M> planNew(TrainerProvider<C, M> provider, RunSpec spec) {
        String preset = spec.preset().orElse(TrainerConfigs.defaultPreset(provider));
        C config = TrainerConfigs.apply(provider, TrainerConfigs.preset(provider, preset), spec.settings());
        String name = spec.name().orElseGet(() -> defaultName(provider, config));
        if (spec.folder()) {
            Path folder = RunFolder.resolve(spec.runsDir(), name);
            if (Files.exists(folder.resolve(RunFolder.CONFIG_FILE))) {
                throw new IllegalArgumentException(folder + " already holds a run; pass --resume to continue it or choose another --name");
            }
        }
        return new TrainingRun<>(provider, spec, preset, config, name, Map.of());
    }

    private static <C, M> TrainingRun<C, M> planResume(TrainerProvider<C, M> provider, RunSpec spec) {
        String name = spec.name().orElseThrow(() -> new IllegalArgumentException("--resume needs the --name of the run to continue"));
        Path folder = RunFolder.resolve(spec.runsDir(), name);
        Map<String, Object> record = RunFolder.open(folder).record();
        String trainer = String.valueOf(record.get("trainer"));
        if (!provider.name().equals(trainer)) {
            throw new IllegalArgumentException(folder + " holds a " + trainer + " run; continue it with ./jgym train " + trainer
                    + " --resume --runs-dir " + spec.runsDir() + " --name " + name);
        }
        if (!provider.resumable()) {
            throw new IllegalArgumentException(provider.name() + " runs cannot be resumed: the trainer keeps state it cannot"
                    + " checkpoint; start a new run instead");
        }
        List<String> refused = spec.settings().keySet().stream().filter(key -> !provider.budget().contains(key))
                .map(Setting::flag).toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("--resume continues with the run's saved settings; leave out " + String.join(", ", refused)
                    + budgetHint(provider));
        }
        String preset = String.valueOf(record.getOrDefault("preset", TrainerConfigs.defaultPreset(provider)));
        JsonNode saved = TrainerConfigs.tree(TrainerConfigs.restore(provider, preset, record.get("config"), Map.of()));
        Map<String, Object> extension = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : spec.settings().entrySet()) {
            double before = saved.path(entry.getKey()).asDouble();
            double after = TrainerConfigs.JSON.valueToTree(entry.getValue()).asDouble();
            if (after < before) {
                throw new IllegalArgumentException(Setting.flag(entry.getKey()) + " can only grow when resuming: the run has "
                        + saved.path(entry.getKey()) + ", got " + entry.getValue());
            }
            if (after > before) {
                extension.put(entry.getKey(), entry.getValue());
            }
        }
        C config = TrainerConfigs.restore(provider, preset, record.get("config"), spec.settings());
        return new TrainingRun<>(provider, spec, preset, config, name, extension);
    }

    private static String budgetHint(TrainerProvider<?, ?> provider) {
        if (provider.budget().isEmpty()) {
            return "";
        }
        return " (only " + String.join(", ", provider.budget().stream().map(Setting::flag).sorted().toList())
                + " may be raised, to extend the run)";
    }

    private static String defaultName(TrainerProvider<?, ?> provider, Object config) {
        JsonNode env = TrainerConfigs.tree(config).get("env");
        String subject = env != null && env.isTextual() ? "-" + env.asText().replaceAll("[^A-Za-z0-9._-]", "_") : "";
        return provider.name() + subject + "-" + LocalDateTime.now().format(STAMP);
    }

    public TrainerProvider<C, M> provider() {
        return provider;
    }

    public C config() {
        return config;
    }

    public String preset() {
        return preset;
    }

    public String name() {
        return name;
    }

    /** Where the run's folder is (also for a benchmark run, which never creates it). */
    public Path folder() {
        return spec.runsDir().resolve(name);
    }

    /** The provenance every checkpoint and the run's config.json record. */
    public Provenance provenance() {
        return new Provenance(provider.name(), preset, TrainerConfigs.asMap(config), TrainerConfigs.seed(config),
                JgymVersion.VERSION, JgymVersion.gitCommit());
    }

    /**
     * Trains, reporting to {@code listeners} besides the run folder's own outputs, until the budget is
     * spent, the trainer stops early or {@code stop} says so. The trainer is closed afterwards.
     */
    public Trained<M> execute(List<? extends TrainingListener> listeners, BooleanSupplier stop) {
        Provenance provenance = provenance();
        try (Trainer<M> trainer = provider.create(config)) {
            List<TrainingListener> all = new ArrayList<>();
            TrainingContext.Builder context = TrainingContext.builder(name, provenance, trainer.metrics())
                    .stop(stop).cache(spec.runsDir().resolve(".cache")).divergenceHint(provider.divergenceHint());
            RunFolder run = null;
            if (spec.folder()) {
                run = openFolder(provenance);
                all.add(new RunOutputListener(run, trainer.metrics()));
                context.folder(run.root()).checkpoints(new CheckpointFolder(run.checkpoints(), spec.keepCheckpoints(), provenance));
            }
            all.addAll(listeners);
            EpisodeCounter episodes = new EpisodeCounter();
            all.add(episodes);
            TrainingListener listener = TrainingListener.of(all);
            RunStatus status = RunStatus.runningHere();
            record(run, status);
            // The outcome is recorded last, after the listeners have written the plot, report and
            // event file: a reader that sees it may read every output.
            RunStatus outcome = status.ended(RunStatus.State.FAILED, 0, "ended before training started");
            boolean started = false;
            try {
                listener.onStart(name, trainer.metrics());
                started = true;
                Trained<M> trained = trainer.train(context.listener(listener).build());
                outcome = status.ended(trained.outcome() == Trained.Outcome.CANCELLED ? RunStatus.State.STOPPED
                        : RunStatus.State.FINISHED, trained.episodes(), trained.outcome() == Trained.Outcome.STOPPED_EARLY
                        ? RunStatus.STOPPED_EARLY : "");
                return trained;
            } catch (RuntimeException | Error e) {
                outcome = status.ended(RunStatus.State.FAILED, episodes.done, String.valueOf(e.getMessage()));
                throw e;
            } finally {
                try {
                    if (started) {
                        listener.onEnd();
                    }
                } finally {
                    record(run, outcome);
                }
            }
        }
    }

    private static void record(RunFolder run, RunStatus status) {
        if (run != null) {
            status.write(run.root());
        }
    }

    /** Counts the episodes reported, for the status of a run that fails. */
    private static final class EpisodeCounter implements TrainingListener {
        private long done;

        @Override
        public void onEpisode(EpisodeReport report) {
            done = report.episode() + 1;
        }
    }

    private RunFolder openFolder(Provenance provenance) {
        Path folder = RunFolder.resolve(spec.runsDir(), name);
        if (!spec.resume()) {
            return RunFolder.create(folder, provenance.toMap());
        }
        RunFolder run = RunFolder.open(folder);
        if (!extension.isEmpty()) {
            Map<String, Object> record = new LinkedHashMap<>(run.record());
            @SuppressWarnings("unchecked")
            List<Object> extensions = new ArrayList<>((List<Object>) record.getOrDefault("extensions", List.of()));
            extensions.add(Map.of("at", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), "to", extension));
            record.put("config", provenance.config());
            record.put("extensions", extensions);
            run.rewriteRecord(record);
        }
        return run;
    }
}
