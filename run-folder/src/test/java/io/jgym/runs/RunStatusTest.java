package io.jgym.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status.json} as readers rely on it: written and read back unchanged, a running run whose
 * process is gone reported as failed (but left as written for the launcher that settles it), a run
 * on another machine taken at its word, and a damaged file refused by name.
 */
class RunStatusTest {

    @Test
    void aStatusIsReadBackAsWritten(@TempDir Path run) throws Exception {
        RunStatus finished = RunStatus.runningHere().ended(RunStatus.State.FINISHED, 12, "");
        finished.write(run);
        assertEquals(finished, RunStatus.read(run).orElseThrow());
        assertTrue(Files.readString(run.resolve(RunStatus.FILE))
                .contains("\"state\" : \"finished\""), "states are written in lower case");
    }

    @Test
    void aRunningRunOfThisProcessIsRunningAndOneWhoseProcessIsGoneHasFailed(@TempDir Path run) throws Exception {
        RunStatus here = RunStatus.runningHere();
        here.write(run);
        assertEquals(RunStatus.State.RUNNING, RunStatus.read(run).orElseThrow().state());

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new RunStatus(RunStatus.State.RUNNING, gone.pid(), here.host(), Instant.now(), null, 3, "").write(run);
        RunStatus observed = RunStatus.read(run).orElseThrow();
        assertEquals(RunStatus.State.FAILED, observed.state());
        assertTrue(observed.message().contains("process " + gone.pid() + " ended without recording an outcome"), observed.message());
        assertEquals(RunStatus.State.RUNNING, RunStatus.recorded(run).orElseThrow().state(), "the file is not changed by reading");
    }

    @Test
    void aRunOnAnotherMachineIsTakenAtItsWordAndAFolderWithoutStatusHasNone(@TempDir Path run) {
        new RunStatus(RunStatus.State.RUNNING, 1, "another-machine", Instant.now(), null, 0, "").write(run);
        assertEquals(RunStatus.State.RUNNING, RunStatus.read(run).orElseThrow().state());
        assertTrue(RunStatus.read(run.resolve("nothing")).isEmpty());
    }

    @Test
    void aDamagedStatusIsRefusedWithTheFileName(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve(RunStatus.FILE), "{\"state\": \"dancing\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunStatus.read(run));
        assertTrue(e.getMessage().startsWith("unreadable status.json in run "), e.getMessage());
    }
}
