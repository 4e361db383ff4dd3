package io.jgym.runs.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.CheckpointFolder;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks every registered trainer must pass, written once (like Gymnasium's {@code check_env}):
 * the same seed gives the same metrics with or without a run folder; only declared metrics are
 * reported and each appears; a cancelled run keeps a checkpoint and resumes to exactly the
 * uninterrupted history; a run killed after a checkpoint was lost resumes from the one before to the
 * same history and the same {@code metrics.csv}; a finished run extends when its budget is raised;
 * the model loads from its checkpoint and works. Every check goes through the real runner
 * ({@link TrainingRun}) and real run folders.
 */
public final class TrainerKit {

    /**
     * One trainer under test.
     *
     * @param provider  the trainer
     * @param tiny      settings that make a run of at least three episodes finish in seconds
     * @param extension a larger budget (e.g. {@code epochs}) for the extend check
     */
    public record Case(TrainerProvider<?, ?> provider, Map<String, Object> tiny, Map<String, Object> extension) {
        @Override
        public String toString() {
            return provider.name();
        }
    }

    private TrainerKit() {
    }

    /** Runs every check on {@code trainer}, with run folders under {@code temp}. */
    public static void checkAll(Case trainer, Path temp) {
        check(trainer.provider(), trainer, temp);
    }

    private static <C, M> void check(TrainerProvider<C, M> provider, Case trainer, Path temp) {
        RunSpec base = RunSpec.fresh(temp, trainer.tiny());
        TrainingRun<C, M> plan = TrainingRun.plan(provider, base.named("full"));
        List<Metric> declared;
        try (Trainer<M> probe = provider.create(plan.config())) {
            declared = probe.metrics();
        }
        Set<String> timing = declared.stream().filter(Metric::timing).map(Metric::name).collect(Collectors.toSet());

        Reports full = run(provider, base.named("full"), Integer.MAX_VALUE);
        List<EpisodeReport> history = full.reports;
        assertTrue(history.size() >= 3, provider.name() + ": the tiny settings must give at least 3 episodes, got " + history.size());
        assertNotEquals(Trained.Outcome.CANCELLED, full.trained.outcome());
        assertEquals(history.size(), full.trained.episodes(), "episodes done match the reports");
        declaredMetricsAppear(provider, declared, history);
        Path folder = temp.resolve("full");
        runFolderIsComplete(provider, folder, history.size());

        Reports again = run(provider, RunSpec.benchmark(Optional.empty(), trainer.tiny(), temp), Integer.MAX_VALUE);
        assertEquals(comparable(history, timing), comparable(again.reports, timing),
                provider.name() + ": the same seed gives the same metrics, with or without a run folder");

        cancelAndResume(provider, base, history, timing);
        if (provider.resumable()) {
            killAndResume(provider, base, folder, history, timing);
            extend(provider, base, folder, history, trainer.extension());
        }
        modelWorks(provider, plan.config(), folder);
    }

    private static <C, M> void cancelAndResume(TrainerProvider<C, M> provider, RunSpec base, List<EpisodeReport> history,
                                               Set<String> timing) {
        Reports cancelled = run(provider, base.named("cancelled"), 2);
        assertEquals(Trained.Outcome.CANCELLED, cancelled.trained.outcome(), provider.name() + ": a stop request cancels the run");
        assertTrue(cancelled.reports.size() < history.size(), provider.name() + ": a cancelled run stops before its budget");
        if (!provider.resumable()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TrainingRun.plan(provider, base.named("cancelled").resumed(Map.of())));
            assertTrue(refused.getMessage().contains("cannot be resumed"), refused.getMessage());
            return;
        }
        Path folder = base.runsDir().resolve("cancelled");
        Checkpoint kept = CheckpointFolder.find(folder.resolve(RunFolder.CHECKPOINTS), false)
                .orElseThrow(() -> new AssertionError(provider.name() + ": a cancelled run keeps a checkpoint"));
        assertEquals(cancelled.trained.episodes(), kept.episodesDone(), provider.name() + ": the checkpoint holds every whole episode");
        Reports resumed = run(provider, base.named("cancelled").resumed(Map.of()), Integer.MAX_VALUE);
        assertEquals(comparable(history, timing), comparable(merge(cancelled.reports, resumed.reports), timing),
                provider.name() + ": a cancelled and resumed run reports what an uninterrupted one does");
    }

    private static <C, M> void killAndResume(TrainerProvider<C, M> provider, RunSpec base, Path folder,
                                             List<EpisodeReport> history, Set<String> timing) {
        Path checkpoints = folder.resolve(RunFolder.CHECKPOINTS);
        Checkpoint newest = CheckpointFolder.find(checkpoints, false).orElseThrow();
        List<String> csv = lines(folder.resolve("metrics.csv"));
        deleteTree(newest.folder());
        Optional<Checkpoint> previous = CheckpointFolder.find(checkpoints, false);
        long from = previous.map(Checkpoint::episodesDone).orElse(0L);
        Reports resumed = run(provider, base.named("full").resumed(Map.of()), Integer.MAX_VALUE);
        assertEquals(comparable(history.subList((int) from, history.size()), timing), comparable(resumed.reports, timing),
                provider.name() + ": a run killed before its last checkpoint resumes from the one before to the same history");
        assertEquals(csv.size(), lines(folder.resolve("metrics.csv")).size(), "metrics.csv has one row per episode again");
    }

    private static <C, M> void extend(TrainerProvider<C, M> provider, RunSpec base, Path folder, List<EpisodeReport> history,
                                      Map<String, Object> extension) {
        assertFalse(extension.isEmpty(), provider.name() + ": give a larger budget to check extending");
        Reports extended = run(provider, base.named("full").resumed(extension), Integer.MAX_VALUE);
        assertFalse(extended.reports.isEmpty(), provider.name() + ": raising the budget of a finished run trains further");
        assertEquals(history.size(), extended.reports.get(0).episode(), provider.name() + ": an extended run continues after its last episode");
        assertTrue(readString(folder.resolve(RunFolder.CONFIG_FILE)).contains("extensions"), "config.json records the extension");
    }

    private static <C, M> void modelWorks(TrainerProvider<C, M> provider, C config, Path folder) {
        Path checkpoints = folder.resolve(RunFolder.CHECKPOINTS);
        Checkpoint latest = CheckpointFolder.find(checkpoints, false).orElseThrow();
        assertTrue(readString(latest.file(CheckpointFolder.METADATA)).contains("\"trainer\" : \"" + provider.name() + "\""),
                provider.name() + ": every checkpoint carries its provenance");
        List<Checkpoint> all = new ArrayList<>(List.of(latest));
        CheckpointFolder.find(checkpoints, true).ifPresent(all::add);
        for (Checkpoint checkpoint : all) {
            if (provider instanceof AgentProvider<?> any) {
                @SuppressWarnings("unchecked")
                AgentProvider<C> agent = (AgentProvider<C>) any;
                Policy policy = agent.load(config, checkpoint);
                try (Env env = agent.environment(config)) {
                    double total = policy.playEpisode(env, 0, step -> { });
                    assertTrue(Double.isFinite(total), provider.name() + ": the loaded policy plays an episode");
                }
            } else if (provider instanceof GenerativeProvider<?> any) {
                @SuppressWarnings("unchecked")
                GenerativeProvider<C> generative = (GenerativeProvider<C>) any;
                Sampler sampler = generative.load(config, checkpoint);
                Path out = folder.resolve("kit-samples");
                List<Path> files = sampler.writeSamples(4, 1, out);
                assertFalse(files.isEmpty(), provider.name() + ": the sampler writes files");
                for (Path file : files) {
                    assertTrue(size(file) > 0, file + " is written");
                }
            } else {
                throw new AssertionError(provider.name() + " is neither an AgentProvider nor a GenerativeProvider");
            }
        }
    }

    private static void declaredMetricsAppear(TrainerProvider<?, ?> provider, List<Metric> declared, List<EpisodeReport> history) {
        Set<String> reported = history.stream().flatMap(r -> r.metrics().keySet().stream()).collect(Collectors.toSet());
        List<String> never = declared.stream().map(Metric::name).filter(name -> !reported.contains(name)).toList();
        assertTrue(never.isEmpty(), provider.name() + " declares metrics its tiny run never reported: " + never);
    }

    private static void runFolderIsComplete(TrainerProvider<?, ?> provider, Path folder, int episodes) {
        for (String file : List.of(RunFolder.CONFIG_FILE, "metrics.csv", "learning-curve.png", "report.html")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), provider.name() + " run folder has " + file);
        }
        assertEquals(episodes + 1, lines(folder.resolve("metrics.csv")).size(), "metrics.csv: a header and one row per episode");
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents.") && size(f) > 0),
                    provider.name() + " run folder has a TensorBoard event file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code spec}, asking the trainer to stop once {@code stopAfter} episodes have been reported. */
    private static <C, M> Reports run(TrainerProvider<C, M> provider, RunSpec spec, int stopAfter) {
        List<EpisodeReport> reports = new ArrayList<>();
        TrainingListener collector = new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
            }
        };
        Trained<M> trained = TrainingRun.plan(provider, spec).execute(List.of(collector), () -> reports.size() >= stopAfter);
        return new Reports(reports, trained);
    }

    private record Reports(List<EpisodeReport> reports, Trained<?> trained) {
    }

    /** Reports keyed by episode, later ones replacing earlier ones (a resumed run re-reports lost episodes). */
    private static List<EpisodeReport> merge(List<EpisodeReport> first, List<EpisodeReport> second) {
        TreeMap<Long, EpisodeReport> byEpisode = new TreeMap<>();
        Stream.concat(first.stream(), second.stream()).forEach(r -> byEpisode.put(r.episode(), r));
        return List.copyOf(byEpisode.values());
    }

    /** What must repeat exactly: episode, steps and every metric but the timing ones. */
    private static List<String> comparable(List<EpisodeReport> reports, Set<String> timing) {
        return reports.stream().map(r -> r.episode() + "," + r.totalSteps() + "," + r.metrics().entrySet().stream()
                .filter(e -> !timing.contains(e.getKey())).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"))).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
