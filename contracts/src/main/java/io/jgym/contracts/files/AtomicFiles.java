package io.jgym.contracts.files;

import java.awt.image.RenderedImage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;

/**
 * Writes a file so that readers, and a run resumed after a crash, see the old content or the new,
 * never half of it: the bytes go to a temporary file in the same directory, are synced to disk, and
 * the file is renamed over the target. Used for monitor files, checkpoints and run outputs.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's content to a stream (it must not close the stream). */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with {@code content} in UTF-8. */
    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code content}. */
    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /** Replaces {@code target} with {@code image} encoded as PNG. */
    public static void writePng(Path target, RenderedImage image) {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG encoder available");
            }
        });
    }

    /** Replaces {@code target} with what {@code writer} produces; on failure the old file stays. */
    public static void write(Path target, ContentWriter writer) {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            readableByAll(temp);
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                writer.writeTo(out);
                out.flush();
                out.getFD().sync();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not write " + target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Gives a file the usual rw-r--r-- permissions: temporary files start as owner-only, and the
     * rename would carry that over to reports and checkpoints others are meant to read.
     */
    public static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temp file is hidden and named after its target; a later write replaces it.
            }
        }
    }
}
