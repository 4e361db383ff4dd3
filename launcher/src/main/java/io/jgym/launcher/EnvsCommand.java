package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import picocli.CommandLine.Command;

/** {@code jgym envs}: lists every registered environment with its spaces, time limit and threshold. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the registered environments.")
final class EnvsCommand implements Runnable {

    @Override
    public void run() {
        System.out.printf("%-20s %-14s %-10s %-30s %s%n", "id", "max steps", "threshold", "action space", "observation space");
        for (EnvSpec spec : EnvRegistry.discover().specs()) {
            try (Env env = spec.make()) {
                System.out.printf("%-20s %-14s %-10s %-30s %s%n", spec.id(),
                        spec.maxEpisodeSteps().isPresent() ? Integer.toString(spec.maxEpisodeSteps().getAsInt()) : "-",
                        spec.rewardThreshold().isPresent() ? Double.toString(spec.rewardThreshold().getAsDouble()) : "-",
                        env.actionSpace(), env.observationSpace());
            }
        }
    }
}
