package io.jgym.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jgym train <trainer>}: lists the trainers; each is its own sub-command. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an agent (or model); results go to runs/<name>/.",
        subcommands = {DqnTrainCommand.class, Rl4jTrainCommand.class, SineGanTrainCommand.class,
                DenseGanTrainCommand.class, PointsGanTrainCommand.class, DenseAeTrainCommand.class, ConvAeTrainCommand.class,
                VaeTrainCommand.class, ConvVaeRgbTrainCommand.class, DcganTrainCommand.class})
final class TrainCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
