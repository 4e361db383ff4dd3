package io.jgym.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jgym train <trainer>}: one sub-command per registered trainer, made by {@link TrainAction}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an agent or a generative model into runs/<name>/; 'jgym trainers' lists the trainers.")
final class TrainCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
