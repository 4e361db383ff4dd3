package io.jgym.server.runs;

import io.jgym.server.ApiException;
import io.jgym.server.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one run folder as the files route serves them: a relative path is resolved inside
 * the folder and refused if it would leave it (through {@code ..}, an absolute path or a symbolic
 * link), and the listing the run page shows (pictures, GIFs, CSV, reports; newest first, without
 * checkpoints). Errors never repeat the server's own paths.
 */
final class RunFiles {
    /** Files a listing shows at most, newest first. */
    static final int LISTED = 200;
    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "gif", "image/gif", "csv", "text/csv; charset=utf-8", "json", "application/json",
            "html", "text/html; charset=utf-8", "log", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8",
            "jsonl", "application/x-ndjson");

    private RunFiles() {
    }

    /**
     * The regular file {@code relative} inside {@code folder}.
     *
     * @throws ApiException 400 for a path that leaves the folder, 404 for a file that is not there
     */
    static Path resolve(Path folder, String relative) {
        Path root;
        Path file;
        try {
            root = folder.toRealPath();
            Path given = Path.of(relative);
            if (given.isAbsolute() || relative.contains("\\")) {
                throw outside(relative);
            }
            file = root.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw outside(relative);
        } catch (IOException e) {
            throw new ApiException(404, "The run's folder is gone");
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw outside(relative);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(file)) {
                throw outside(relative);
            }
            throw new ApiException(404, "The run has no file '" + Messages.quote(relative) + "'; GET /v1/runs/<id> lists its files");
        }
        return file;
    }

    private static ApiException outside(String relative) {
        return ApiException.badRequest("File paths are relative to the run's folder and stay inside it, got '" + Messages.quote(relative) + "'");
    }

    /** The content type of a file by its extension; unknown ones are sent as bytes. */
    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(), "application/octet-stream");
    }

    /** The run's files (not checkpoints) as {path, bytes, modified} maps, newest first, at most {@link #LISTED}. */
    static List<Map<String, Object>> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 4)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !folder.relativize(f).startsWith("checkpoints"))
                    .map(f -> entry(folder, f))
                    .sorted(Comparator.comparing((Map<String, Object> m) -> (Long) m.get("modified")).reversed()
                            .thenComparing(m -> (String) m.get("path")))
                    .limit(LISTED).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a run rewriting its files while we walk: the next poll lists them
        }
    }

    private static Map<String, Object> entry(Path folder, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", folder.relativize(file).toString().replace('\\', '/'));
            entry.put("bytes", attributes.size());
            entry.put("modified", attributes.lastModifiedTime().toMillis());
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the folder holds, checkpoints included: what the disk limit counts. */
    static long bytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // removed while counting (an old checkpoint dropped)
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
