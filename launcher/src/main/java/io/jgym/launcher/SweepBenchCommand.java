package io.jgym.launcher;

import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.sweeps.LocalPool;
import io.jgym.sweeps.Sweep;
import io.jgym.sweeps.SweepEngine;
import io.jgym.sweeps.SweepPlan;
import io.jgym.sweeps.SweepSpec;
import io.jgym.sweeps.report.RunRow;
import io.jgym.sweeps.report.SweepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jgym bench sweep SPEC}: the throughput of the local sweep engine. Runs the sweep afresh once
 * per worker count (in a new folder each time) and prints runs per hour, the scaling efficiency
 * against one worker, what a run costs in its child JVM (start-up included) against its training
 * alone, and the coordinator's overhead per run: the sweep's wall time beyond the runs' own, per run.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Throughput of a sweep on the local pool with 1, 2, ... workers: runs/hour, scaling, overhead per run.")
final class SweepBenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The sweep file to time (YAML or JSON), e.g. examples/sweeps/lake.yaml.")
    Path specFile;

    @Option(names = "--workers", split = ",", description = "Worker counts to time, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> workers = List.of(1, 2);

    @Option(names = "--runs-dir", description = "Folder for the timed sweeps, one sub-folder per worker count (default: a new temporary folder).")
    Path runsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SweepSpec sweep = SweepSpec.read(specFile);
        Path root = runsDir != null ? runsDir : Files.createTempDirectory("jgym-bench-sweep");
        out.println("| workers | runs | wall s | runs/hour | scaling efficiency | run in its JVM, mean s | training alone, mean s"
                + " | coordinator overhead per run, s |");
        out.println("|---|---|---|---|---|---|---|---|");
        double single = Double.NaN;
        for (int count : workers) {
            SweepPlan plan = SweepPlan.of(sweep, root.resolve("workers-" + count));
            if (Files.exists(plan.folder())) {
                throw new IllegalArgumentException(plan.folder() + " exists; a throughput benchmark needs fresh runs, choose another --runs-dir");
            }
            Sweep run = new Sweep(plan, TrainerRegistry.discover().get(sweep.trainer()));
            long started = System.nanoTime();
            SweepSummary summary;
            try (SweepEngine engine = new LocalPool(count, ChildJvm.likeThisOne())) {
                summary = SweepCommand.run(run, engine);
            }
            double wall = (System.nanoTime() - started) / 1e9;
            int runs = summary.runs().size();
            double perHour = runs / wall * 3600;
            single = count == workers.get(0) ? perHour / count : single;
            double inJvm = summary.runs().stream().mapToDouble(RunRow::seconds).average().orElse(Double.NaN);
            double training = summary.runs().stream().mapToDouble(r -> trainingSeconds(plan.folder().resolve(r.run().name()))).average()
                    .orElse(Double.NaN);
            double overhead = (wall * count - summary.runs().stream().mapToDouble(RunRow::seconds).sum()) / runs;
            out.printf("| %d | %d | %.1f | %,.0f | %.0f%% | %.2f | %.2f | %.2f |%n", count, runs, wall, perHour, 100 * perHour / (single * count),
                    inJvm, training, overhead);
            out.flush();
        }
        return 0;
    }

    private static double trainingSeconds(Path runFolder) {
        RunStatus status = RunStatus.read(runFolder).orElseThrow(() -> new UncheckedIOException(new IOException("no status in " + runFolder)));
        return status.ended() == null ? Double.NaN : Duration.between(status.started(), status.ended()).toMillis() / 1e3;
    }
}
