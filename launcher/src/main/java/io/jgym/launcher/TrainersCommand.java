package io.jgym.launcher;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.TrainerRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jgym trainers}: every registered trainer (jgym's and plugins'), its kind, presets and what it trains. */
@Command(name = "trainers", mixinStandardHelpOptions = true,
        description = "List the trainers: name, kind, presets and a description; ./jgym train <name> --help shows the settings.")
final class TrainersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-14s %-11s %-18s %s%n", "trainer", "kind", "presets", "description");
        for (TrainerProvider<?, ?> provider : TrainerRegistry.discover().all()) {
            out.printf("%-14s %-11s %-18s %s%n", provider.name(), provider.kind().name().toLowerCase(),
                    String.join(",", provider.presets().keySet()), provider.description());
        }
        return 0;
    }
}
