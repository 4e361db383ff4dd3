package io.jgym.launcher;

import io.jgym.runs.process.TrainProcess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a stop request while a run trains: the trainer finishes
 * its episode, writes a checkpoint and returns, and the command exits with status 130. A second
 * signal ends the process at once (the last checkpoint on disk stays whole: checkpoints are renamed
 * into place only when complete). A run started with {@value TrainProcess#PARENT_PID_VARIABLE}
 * set (a sweep worker's child) is asked to stop in the same way when that process ends.
 */
final class StopSignals implements BooleanSupplier {
    /** The exit status of a run stopped by a signal, as shells report an interrupted command. */
    static final int EXIT_STOPPED = 130;
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Installs the handlers for the rest of this process (one training command per process). */
    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (signals.requested.getAndSet(true)) {
                    Runtime.getRuntime().halt(EXIT_STOPPED);
                }
                System.err.println("jgym: stopping after this episode (writing a checkpoint); signal again to quit at once");
            });
        }
        String parent = System.getenv(TrainProcess.PARENT_PID_VARIABLE);
        if (parent != null && parent.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(parent)).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> {
                        signals.requested.set(true);
                        System.err.println("jgym: process " + parent + ", which started this run, ended; stopping after this episode"
                                + " (writing a checkpoint)");
                    });
        }
        return signals;
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }
}
