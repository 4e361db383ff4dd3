package io.jgym.launcher;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.JgymVersion;
import io.jgym.runs.TrainerRegistry;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jgym} command line: the single entry point that wires the modules together. Each
 * sub-command is its own class; this one only lists them and runs picocli.
 */
@Command(name = "jgym", mixinStandardHelpOptions = true, version = "jgym " + JgymVersion.VERSION,
        description = "A Java workbench for reinforcement learning and generative modelling.",
        subcommands = {ServeCommand.class, EnvsCommand.class, TrainersCommand.class, TrainCommand.class, EvalCommand.class,
                PlayCommand.class, SampleCommand.class, BenchCommand.class, WarmupCommand.class, SweepCommand.class, WorkerCommand.class,
                CommandLine.HelpCommand.class})
public final class JgymCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line as tests run it: a training run is never asked to stop. */
    static CommandLine commandLine() {
        return commandLine(() -> () -> false, true);
    }

    /**
     * The command line with a {@code train} and a {@code bench} sub-command for every registered
     * trainer: enum values in any case, errors as one "jgym: ..." line.
     *
     * @param stops    what a training run asks whether to stop; made when a run starts
     * @param trainers whether to add the trainers' commands; {@code serve} and the others start
     *                 faster without loading every trainer plugin
     */
    static CommandLine commandLine(Supplier<BooleanSupplier> stops, boolean trainers) {
        CommandLine cli = new CommandLine(new JgymCommand());
        CommandLine train = cli.getSubcommands().get("train");
        CommandLine bench = cli.getSubcommands().get("bench");
        for (TrainerProvider<?, ?> provider : trainers ? TrainerRegistry.discover().all() : List.<TrainerProvider<?, ?>>of()) {
            train.addSubcommand(provider.name(), new CommandLine(TrainAction.command(provider, stops)));
            bench.addSubcommand(provider.name(), new CommandLine(TrainerBench.command(provider)));
        }
        return cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("jgym: " + e.getMessage());
                    return 1;
                });
    }

    public static void main(String[] args) {
        boolean trainers = args.length > 0 && (args[0].equals("train") || args[0].equals("bench"));
        int code = commandLine(StopSignals::install, trainers).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
