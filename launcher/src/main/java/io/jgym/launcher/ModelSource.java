package io.jgym.launcher;

import io.jgym.agents.dqn.DqnCheckpoint;
import io.jgym.runs.RunFolder;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which trained Q-network {@code eval} and {@code play} use: the newest checkpoint of a run
 * ({@code --run runs/<name>}, which also supplies the environment id) or a DL4J model file.
 */
final class ModelSource {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--run", description = "A run folder, e.g. runs/dqn-CartPole-v1-...; its newest checkpoint is used.")
        Path run;
        @Option(names = "--model", description = "A DL4J model file (a checkpoint's model.zip).")
        Path model;
    }

    MultiLayerNetwork load() {
        if (choice.model != null) {
            return DqnCheckpoint.loadModel(choice.model);
        }
        RunFolder folder = RunFolder.open(choice.run);
        Path checkpoint = DqnCheckpoint.latest(folder.checkpoints()).orElseThrow(() -> new IllegalArgumentException(
                "run " + choice.run + " has no checkpoint yet; train it first (or pass --model)"));
        return DqnCheckpoint.loadModel(checkpoint.resolve(DqnCheckpoint.MODEL_FILE));
    }

    /** Copies the run's environment id into {@code source} unless one was given explicitly. */
    void applyRunEnv(EnvSource source, boolean envGiven) {
        if (choice.run != null && !envGiven) {
            Map<String, Object> record = RunFolder.open(choice.run).record();
            source.envId = (String) record.get("env");
        }
    }
}
