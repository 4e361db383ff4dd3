package io.jgym.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jgym} command line: the single entry point that wires the modules together. Each
 * sub-command is its own class; this one only lists them and runs picocli.
 */
@Command(name = "jgym", mixinStandardHelpOptions = true, version = "jgym " + JgymCommand.VERSION,
        description = "A Java workbench for reinforcement learning and generative modelling.",
        subcommands = {ServeCommand.class, EnvsCommand.class, TrainCommand.class, EvalCommand.class, PlayCommand.class,
                BenchCommand.class, WarmupCommand.class,
                CommandLine.HelpCommand.class})
public final class JgymCommand implements Runnable {
    /** The jgym version, also recorded in every run's config.json. */
    static final String VERSION = "0.1.0";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line as {@code main} runs it: enum values in any case, errors as one "jgym: ..." line. */
    static CommandLine commandLine() {
        return new CommandLine(new JgymCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("jgym: " + e.getMessage());
                    return 1;
                });
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
