package io.jgym.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jgym bench}: groups the benchmarks; each prints a table of what it measured. Besides the
 * server and environment benchmarks, every registered trainer has one ({@link TrainerBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print a table.",
        subcommands = {ServerBenchCommand.class, LoadBenchCommand.class, EnvBenchCommand.class, VectorServerBenchCommand.class, GenerativeBenchCommand.class,
                SweepBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
