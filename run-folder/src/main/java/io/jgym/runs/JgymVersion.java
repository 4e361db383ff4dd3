package io.jgym.runs;

import java.util.Optional;

/**
 * The jgym version and, when the launcher knows it, the git commit jgym was built from
 * ({@code -Djgym.git=...}, set by {@code ./jgym}); both go into every run's provenance.
 */
public final class JgymVersion {
    /** The jgym version. */
    public static final String VERSION = "0.1.0";

    private JgymVersion() {
    }

    /** The commit of the running build, when known. */
    public static Optional<String> gitCommit() {
        String commit = System.getProperty("jgym.git", "");
        return commit.isBlank() ? Optional.empty() : Optional.of(commit.strip());
    }
}
