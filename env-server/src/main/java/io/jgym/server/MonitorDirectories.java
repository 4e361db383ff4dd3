package io.jgym.server;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps the {@code directory} a client gives to {@code monitor/start} to a folder under the server's
 * data root. Existing programs pass absolute paths such as {@code /tmp/random-agent-results}; they
 * are taken relative to the root (so they keep working), and no path may climb out of it.
 */
final class MonitorDirectories {
    private final Path root;

    MonitorDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path resolve(String directory) {
        String relative = directory.replace('\\', '/').replaceFirst("^([A-Za-z]:)?/+", "");
        Path resolved;
        try {
            resolved = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("Monitor directory '" + Messages.quote(directory) + "' is not a valid path: " + e.getReason());
        }
        if (!resolved.startsWith(root)) {
            throw ApiException.badRequest("Monitor directory '" + Messages.quote(directory)
                    + "' is outside the server's data root; give a path inside it, such as 'my-run'");
        }
        return resolved;
    }
}
