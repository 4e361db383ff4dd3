package io.jgym.launcher;

import io.jgym.runs.RunSpec;
import io.jgym.runs.process.ChildJvm;
import io.jgym.runs.process.TrainProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for a sweep worker in {@link TrainProcessTest}: starts a long Q-learning run tied to
 * this JVM ({@code args}: runs folder, run name) and waits for it, so the test can kill this JVM.
 */
final class StartRunAndWait {
    private StartRunAndWait() {
    }

    public static void main(String[] args) throws Exception {
        RunSpec spec = new RunSpec(Optional.empty(), Map.of("episodes", 1_000_000, "checkpointEvery", 1_000_000), Optional.of(args[1]),
                Path.of(args[0]), false, 2, true);
        TrainProcess.start(ChildJvm.likeThisOne(), "q-learning", spec, true).onExit().get();
    }
}
