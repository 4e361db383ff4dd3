package io.jgym.generative.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header whose sizes overflow an int is explained, not answered with "len < 0" from deep inside the JDK. */
class IdxFilesHeaderTest {

    private static byte[] header(int magic, int... fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int f : fields) {
            out.writeInt(f);
        }
        return bytes.toByteArray();
    }

    @Test
    void aHeaderTooLargeForMemoryIsAClearError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("images"), header(2051, 100_000, 1000, 1000));
        Files.write(dir.resolve("labels"), header(2049, 100_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxFiles.read(dir.resolve("images"), dir.resolve("labels")));
        assertTrue(e.getMessage().contains("impossible header: 100000 images of 1000 x 1000 pixels"), e.getMessage());
    }

    @Test
    void negativeSizesAreAClearError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("images"), header(2051, 3, -2, 2));
        Files.write(dir.resolve("labels"), header(2049, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxFiles.read(dir.resolve("images"), dir.resolve("labels")));
        assertTrue(e.getMessage().contains("impossible header: 3 images of -2 x 2 pixels"), e.getMessage());
    }
}
