package io.jgym.launcher;

import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerRegistry;
import io.jgym.sweeps.Sweep;
import io.jgym.sweeps.SweepEngine;
import io.jgym.sweeps.SweepPlan;
import io.jgym.sweeps.SweepSpec;
import io.jgym.sweeps.report.SweepReport;
import io.jgym.sweeps.report.SweepSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jgym sweep SPEC}: runs every configuration and seed of a sweep file, each run in its own JVM,
 * on a local pool of workers or on a Hazelcast cluster of {@code jgym worker}s ({@link EngineFlags}), then prints the IQM,
 * mean and median of each configuration with 95% bootstrap intervals and writes the report. Running it
 * again skips finished runs and resumes the others. Progress goes to standard error.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a sweep (seeds x configurations x tasks of one trainer) and report IQM, mean and median with 95%% CIs.",
                "Runs go to <runs-dir>/<sweep>/<run>/; the report to <runs-dir>/<sweep>/report.html and summary.csv.",
                "Running the same sweep again skips finished runs and resumes interrupted ones. See docs/sweeps.md."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The sweep file, YAML or JSON.")
    Path specFile;

    @Option(names = "--dry-run", description = "Print the runs the sweep expands to and exit.")
    boolean dryRun;

    @Option(names = "--runs-dir", description = "Folder holding the sweep's folder (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of("runs");

    @Mixin
    EngineFlags engine = new EngineFlags(Runtime.getRuntime().availableProcessors());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepPlan plan = SweepPlan.of(SweepSpec.read(specFile), runsDir);
        Sweep sweep = new Sweep(plan, TrainerRegistry.discover().get(plan.spec().trainer()));
        if (dryRun) {
            plan.describe().forEach(out::println);
            return 0;
        }
        try (SweepEngine runs = engine.open()) {
            SweepSummary summary = run(sweep, runs);
            print(summary, out);
            out.println("report: " + plan.folder().resolve(SweepReport.HTML));
            long failed = summary.runs().stream().filter(r -> r.state() != RunStatus.State.FINISHED).count();
            if (failed > 0) {
                spec.commandLine().getErr().printf("jgym: %d of %d runs did not finish; run the same command again to resume them%n", failed,
                        summary.runs().size());
                return 1;
            }
            return 0;
        }
    }

    /**
     * Runs {@code sweep} on {@code engine} with progress on standard error; a signal to this process
     * closes the engine, which stops the runs with a checkpoint.
     */
    static SweepSummary run(Sweep sweep, SweepEngine engine) {
        Thread closeOnSignal = new Thread(engine::close, "sweep-stop");
        Runtime.getRuntime().addShutdownHook(closeOnSignal);
        System.err.printf("jgym sweep %s: %d runs on %s%n", sweep.plan().spec().name(), sweep.plan().runs().size(), engine.describe());
        SweepSummary summary = sweep.run(engine, line -> System.err.println("jgym sweep " + line));
        Runtime.getRuntime().removeShutdownHook(closeOnSignal);
        return summary;
    }

    /** The Markdown table of configurations: scored runs, then IQM, mean and median with intervals. */
    static void print(SweepSummary summary, PrintWriter out) {
        StringBuilder header = new StringBuilder("| configuration | scored / runs |");
        SweepSummary.AGGREGATES.forEach(a -> header.append(' ').append(a.label()).append(" [95% CI] |"));
        out.println(header);
        out.println("|" + "---|".repeat(2 + SweepSummary.AGGREGATES.size()));
        for (SweepSummary.ConfigurationRow row : summary.configurations()) {
            StringBuilder line = new StringBuilder("| " + row.configuration().id() + " | " + row.scored() + " / " + row.runs() + " |");
            for (int a = 0; a < SweepSummary.AGGREGATES.size(); a++) {
                line.append(' ').append(row.estimates().isEmpty() ? "-" : row.estimates().get(a).format("%.3f")).append(" |");
            }
            out.println(line);
        }
    }
}
