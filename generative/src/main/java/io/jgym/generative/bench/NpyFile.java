package io.jgym.generative.bench;

import io.jgym.contracts.files.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a float matrix as a NumPy {@code .npy} file (format 1.0, little-endian float32, C order),
 * which the PyTorch peers read with {@code numpy.load}, and reads such a file back (the peers'
 * generated samples, for {@link SampleScores}).
 */
final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;
    private static final Pattern FLOAT_MATRIX = Pattern.compile("'descr': '<f4', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\)");

    private NpyFile() {
    }

    static void write(Path target, float[] values, int rows, int columns) {
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " x " + columns);
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        buffer.asFloatBuffer().put(values);
        AtomicFiles.write(target, buffer.array());
    }

    /** The values of a float32 C-order matrix written by NumPy ({@code numpy.save} of a float32 2-D array). */
    static float[] read(Path source) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(source)).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = buffer.getShort(MAGIC.length) & 0xFFFF;
            String header = new String(buffer.array(), MAGIC.length + 2, headerLength, StandardCharsets.US_ASCII);
            Matcher shape = FLOAT_MATRIX.matcher(header);
            if (!shape.find()) {
                throw new IllegalArgumentException(source + " is not a float32 C-order matrix: " + header.trim());
            }
            float[] values = new float[Math.multiplyExact(Integer.parseInt(shape.group(1)), Integer.parseInt(shape.group(2)))];
            buffer.position(MAGIC.length + 2 + headerLength);
            buffer.asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
