package io.jgym.runs.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One TensorBoard event file, {@code events.out.tfevents.<seconds>.<host>}, written as TFRecords:
 * each event is framed as its length (uint64), the masked CRC32C of that length, the event, and the
 * masked CRC32C of the event, all little-endian (tensorflow/core/lib/io/record_writer.cc). The file
 * is only appended to and is flushed after each step, so TensorBoard can read it while the run goes
 * and a crash loses at most the step being written (readers stop at a cut-off record). A resumed run
 * opens a new file beside the old ones; TensorBoard reads them as one run.
 */
final class EventFile implements Closeable {
    /** The start of every event file's name; TensorBoard looks for "tfevents". */
    static final String PREFIX = "events.out.tfevents.";
    /** Added to a rotated CRC32C so that CRCs of data holding CRCs stay strong (TensorFlow's mask). */
    private static final int MASK_DELTA = 0xa282ead8;

    private final Path path;
    private final OutputStream out;

    private EventFile(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /**
     * Creates a new event file in {@code folder} named for {@code epochSecond} and {@code host} (with a
     * {@code .1}, {@code .2}, ... suffix if that name is taken) and writes the file-version event.
     */
    static EventFile create(Path folder, long epochSecond, String host, double wallTime) {
        String name = PREFIX + epochSecond + "." + host.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(folder);
            Path path = folder.resolve(name);
            for (int n = 1; Files.exists(path); n++) {
                path = folder.resolve(name + "." + n);
            }
            EventFile file = new EventFile(path, new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)));
            file.write(Events.fileVersion(wallTime));
            file.flush();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a TensorBoard event file in " + folder, e);
        }
    }

    /** Appends one framed event. */
    void write(byte[] event) {
        byte[] length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(event.length).array();
        try {
            out.write(length);
            out.write(littleEndian(maskedCrc(length)));
            out.write(event);
            out.write(littleEndian(maskedCrc(event)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    /** Hands what was written to the operating system, for readers following the file. */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + path, e);
        }
    }

    /** TensorFlow's masked CRC32C: the checksum rotated right by 15 bits plus {@link #MASK_DELTA}. */
    static int maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
