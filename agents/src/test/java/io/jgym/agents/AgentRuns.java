package io.jgym.agents;

import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Provenance;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.TrainerConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the agents' tests train without the runner: a config from a preset with a few settings
 * changed by name (as flags change them), and one training call with a context that collects
 * every report, optionally with a checkpoint store.
 */
public final class AgentRuns {
    private AgentRuns() {
    }

    /** {@code base} with {@code settings} (camelCase keys) laid over it, validated as the runner does. */
    public static <C> C config(TrainerProvider<C, ?> provider, C base, Map<String, ?> settings) {
        return TrainerConfigs.apply(provider, base, settings);
    }

    /** A provenance for test runs of {@code provider} with {@code config}. */
    public static Provenance provenance(TrainerProvider<?, ?> provider, Object config) {
        return new Provenance(provider.name(), "test", TrainerConfigs.asMap(config), TrainerConfigs.seed(config), "test",
                Optional.empty());
    }

    /** What one training call reported and returned. */
    public record Run(List<EpisodeReport> reports, Trained<Policy> trained) {

        /** The values of {@code metric} in the reports that hold it, in order. */
        public List<Double> values(String metric) {
            return reports.stream().filter(r -> r.metrics().containsKey(metric)).map(r -> r.metrics().get(metric)).toList();
        }
    }

    /** Trains {@code trainer} once with {@code store}, passing every report also to {@code listener}; does not close it. */
    public static Run train(TrainerProvider<?, ?> provider, Object config, Trainer<Policy> trainer, CheckpointStore store,
                            TrainingListener listener) {
        List<EpisodeReport> reports = new ArrayList<>();
        TrainingListener collector = new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
                listener.onEpisode(report);
            }
        };
        TrainingContext context = TrainingContext.builder("test", provenance(provider, config), trainer.metrics())
                .checkpoints(store).divergenceHint(provider.divergenceHint()).listener(collector).build();
        return new Run(reports, trainer.train(context));
    }

    /** Trains {@code trainer} once, keeping no checkpoints. */
    public static Run train(TrainerProvider<?, ?> provider, Object config, Trainer<Policy> trainer) {
        return train(provider, config, trainer, CheckpointStore.none(), new TrainingListener() { });
    }
}
