package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The {@code jgym} command line: every command answers {@code --help}, and bad flags are explained. */
class CommandLineTest {

    /** Exit code and what the command printed to standard output and error. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = JgymCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "envs", "trainers", "bench", "bench server", "bench envs", "bench vecenvs", "bench dqn", "bench sine-gan",
            "train", "train dqn", "train rl4j-dqn", "train sine-gan", "train dense-gan", "train points-gan", "train dense-ae",
            "train conv-ae", "train vae", "train conv-vae-rgb", "train dcgan-rgb", "train q-learning", "bench generative", "eval",
            "play", "sample"})
    void everyCommandAnswersHelp(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        Run r = run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: jgym" + (command.isEmpty() ? "" : " " + command)), r.out());
    }

    @Test
    void serveDocumentsItsDefaults() {
        Run r = run("serve", "--help");
        assertTrue(r.out().contains("(default: 127.0.0.1)") && r.out().contains("(default: 5000)"), r.out());
    }

    @Test
    void badFlagsAreExplained() {
        Run unknown = run("serve", "--prot", "5000");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown options: '--prot'"), unknown.err());
        Run badDuration = run("serve", "--idle-timeout", "soon");
        assertEquals(2, badDuration.exitCode());
        assertTrue(badDuration.err().contains("'soon' is not a duration; use e.g. 90s, 30m, 2h"), badDuration.err());
    }
}
