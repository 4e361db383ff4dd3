package io.jgym.sweeps;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.RunSpec;
import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainingRun;
import io.jgym.sweeps.report.RunRow;
import io.jgym.sweeps.report.RunScore;
import io.jgym.sweeps.report.SweepReport;
import io.jgym.sweeps.report.SweepSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The coordinator of a sweep: checks every run against the trainer before anything starts, hands the
 * runs to an engine, writes each result into {@code runs/<sweep>/<run>/} as it comes back (one result
 * per run name, so a run counts once however often its task ran), and writes the report.
 */
public final class Sweep {
    private final SweepPlan plan;
    private final TrainerProvider<?, ?> provider;

    /**
     * A sweep of {@code plan} with {@code provider}, checked: every run's settings must make a valid config.
     *
     * @throws IllegalArgumentException naming the first run whose settings the trainer refuses
     */
    public Sweep(SweepPlan plan, TrainerProvider<?, ?> provider) {
        if (!provider.name().equals(plan.spec().trainer())) {
            throw new IllegalArgumentException("the sweep is for " + plan.spec().trainer() + ", not " + provider.name());
        }
        for (PlannedRun run : plan.runs()) {
            try {
                TrainingRun.plan(provider, new RunSpec(plan.spec().preset(), run.settings(), Optional.of(run.name()), plan.folder(), false, 1, false));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run " + run.name() + " of the sweep: " + e.getMessage(), e);
            }
        }
        this.plan = plan;
        this.provider = provider;
    }

    /**
     * Runs every run on {@code engine}, writes the report and returns its summary. A run this
     * coordinator's folder already records as finished is only read back, not submitted: a re-run
     * skips it even when the workers' disks are not shared. {@code progress} hears one line per run
     * as it ends.
     */
    public SweepSummary run(SweepEngine engine, Consumer<String> progress) {
        plan.writeManifest();
        List<CompletableFuture<RunRow>> rows = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (PlannedRun run : plan.runs()) {
            Path folder = plan.folder().resolve(run.name());
            RunRequest request = RunRequest.of(provider.name(), plan.spec().preset(), run, provider.budget(), plan.folder());
            Optional<RunStatus> finished = RunStatus.read(folder).filter(status -> status.state() == RunStatus.State.FINISHED)
                    .filter(status -> !request.extendsRun(folder));
            CompletableFuture<RunRow> row = finished.isPresent()
                    ? CompletableFuture.completedFuture(new RunRow(run, RunStatus.State.FINISHED, "", finished.get().episodes(),
                            finished.get().host(), 0, RunScore.read(folder, plan.spec().metric(), plan.spec().lastEpisodes())))
                    : engine.submit(request).handle((result, error) -> error == null ? row(run, result) : lost(run, error));
            rows.add(row.thenApply(ended -> {
                progress.accept(String.format("%s: %s %s (%d/%d)%s", plan.spec().name(), run.name(), ended.state(), done.incrementAndGet(),
                        plan.runs().size(), ended.message().isEmpty() ? "" : ": " + ended.message()));
                return ended;
            }));
        }
        SweepSummary summary = SweepSummary.of(plan, rows.stream().map(CompletableFuture::join).toList());
        SweepReport.write(summary);
        return summary;
    }

    private RunRow row(PlannedRun run, RunResult result) {
        result.materialize(plan.folder().resolve(run.name()));
        RunScore score = RunScore.read(plan.folder().resolve(run.name()), plan.spec().metric(), plan.spec().lastEpisodes());
        return new RunRow(run, result.state(), result.message(), result.episodes(), result.host(), result.seconds(), score);
    }

    /** A run whose result never came back (the sweep was stopped, the cluster went away): as its folder here stands. */
    private RunRow lost(PlannedRun run, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Path folder = plan.folder().resolve(run.name());
        Optional<RunStatus> status = RunStatus.read(folder).filter(s -> !s.state().active());
        String why = "no result came back (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        return new RunRow(run, status.map(RunStatus::state).orElse(RunStatus.State.FAILED), why, status.map(RunStatus::episodes).orElse(0L),
                status.map(RunStatus::host).orElse(""), 0, RunScore.read(folder, plan.spec().metric(), plan.spec().lastEpisodes()));
    }

    /** What the sweep runs. */
    public SweepPlan plan() {
        return plan;
    }
}
