package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.images.AnimatedGifWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jgym play}: one greedy episode of any trained agent, saved as an animated GIF; prints its return. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play one greedy episode with a trained agent and save it as an animated GIF.")
final class PlayCommand implements Callable<Integer> {
    @Mixin
    AgentModel agent;

    @Option(names = "--seed", description = "Reset seed of the episode (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--gif", description = "Where the animation goes (default: ${DEFAULT-VALUE}).")
    Path gif = Path.of("play.gif");

    @Option(names = "--frame-millis", description = "Delay between GIF frames (default: ${DEFAULT-VALUE}).")
    int frameMillis = 40;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AgentModel.Loaded loaded = agent.load("play");
        try (Env env = loaded.env(); AnimatedGifWriter writer = new AnimatedGifWriter(gif, frameMillis)) {
            int[] steps = {0};
            double total = loaded.policy().playEpisode(env, seed, step -> {
                steps[0]++;
                env.render().ifPresent(frame -> add(writer, frame));
            });
            spec.commandLine().getOut().printf("%s: return %.1f in %d steps; %d frames written to %s%n",
                    loaded.where(), total, steps[0], writer.frames(), gif);
        }
        return 0;
    }

    private static void add(AnimatedGifWriter writer, io.jgym.contracts.Frame frame) {
        try {
            writer.add(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
