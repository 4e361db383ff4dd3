package io.jgym.runs.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads an event file back the way TensorBoard does, independently of the writer: TFRecord framing
 * with both CRCs of every record checked, then each record decoded by protobuf-java's generic reader
 * into TensorFlow's Event fields (event.proto, summary.proto).
 */
final class EventFileReader {
    private EventFileReader() {
    }

    /** One decoded {@code Event}. */
    record Event(double wallTime, long step, Optional<String> fileVersion, List<Value> values) {
    }

    /** One {@code Summary.Value}: a scalar or an image. */
    record Value(String tag, Optional<Float> simpleValue, Optional<Image> image) {
    }

    /** A {@code Summary.Image}. */
    record Image(int height, int width, int colorspace, byte[] encoded) {
    }

    /** Every event of {@code file}, asserting that each record's framing and CRCs are valid and nothing trails. */
    static List<Event> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            assertTrue(in.remaining() >= 12, "a record header at byte " + at);
            byte[] length = new byte[8];
            in.get(length);
            assertEquals(maskedCrc32c(length), in.getInt(), "the length CRC of the record at byte " + at);
            long size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertTrue(size >= 0 && size + 4 <= in.remaining(), "the record at byte " + at + " fits in the file");
            byte[] data = new byte[(int) size];
            in.get(data);
            assertEquals(maskedCrc32c(data), in.getInt(), "the data CRC of the record at byte " + at);
            events.add(event(UnknownFieldSet.parseFrom(data)));
        }
        return events;
    }

    /** TensorFlow's masked CRC32C, written from its definition: ((crc >> 15) | (crc << 17)) + 0xa282ead8. */
    static int maskedCrc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        long value = crc.getValue();
        long rotated = ((value >>> 15) | (value << 17)) & 0xFFFFFFFFL;
        return (int) ((rotated + 0xa282ead8L) & 0xFFFFFFFFL);
    }

    private static Event event(UnknownFieldSet event) throws InvalidProtocolBufferException {
        double wallTime = Double.longBitsToDouble(event.getField(1).getFixed64List().get(0));
        long step = event.getField(2).getVarintList().stream().findFirst().orElse(0L);
        Optional<String> version = event.getField(3).getLengthDelimitedList().stream().findFirst().map(ByteString::toStringUtf8);
        List<Value> values = new ArrayList<>();
        for (ByteString summary : event.getField(5).getLengthDelimitedList()) {
            for (ByteString value : UnknownFieldSet.parseFrom(summary).getField(1).getLengthDelimitedList()) {
                values.add(value(UnknownFieldSet.parseFrom(value)));
            }
        }
        return new Event(wallTime, step, version, values);
    }

    private static Value value(UnknownFieldSet value) throws InvalidProtocolBufferException {
        String tag = value.getField(1).getLengthDelimitedList().get(0).toStringUtf8();
        Optional<Float> simple = value.getField(2).getFixed32List().stream().findFirst().map(Float::intBitsToFloat);
        Optional<Image> image = Optional.empty();
        for (ByteString encoded : value.getField(4).getLengthDelimitedList()) {
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(encoded);
            image = Optional.of(new Image(fields.getField(1).getVarintList().get(0).intValue(),
                    fields.getField(2).getVarintList().get(0).intValue(), fields.getField(3).getVarintList().get(0).intValue(),
                    fields.getField(4).getLengthDelimitedList().get(0).toByteArray()));
        }
        return new Value(tag, simple, image);
    }
}
