package io.jgym.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jgym} command line: the single entry point that wires the modules together. Each
 * sub-command is its own class; this one only lists them and runs picocli.
 */
@Command(name = "jgym", mixinStandardHelpOptions = true, version = "jgym 0.1.0",
        description = "A Java workbench for reinforcement learning and generative modelling.",
        subcommands = {ServeCommand.class, EnvsCommand.class, BenchCommand.class, WarmupCommand.class,
                CommandLine.HelpCommand.class})
public final class JgymCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new JgymCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("jgym: " + e.getMessage());
                    return 1;
                })
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
