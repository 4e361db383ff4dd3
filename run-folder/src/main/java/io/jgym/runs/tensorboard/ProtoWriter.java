package io.jgym.runs.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protobuf wire format for the handful of field kinds an event file needs: varints, 64-bit
 * doubles, 32-bit floats and length-delimited bytes, strings and nested messages. Fields are written
 * in the order called, which protobuf readers accept for any order. Used by {@link Events}.
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    ProtoWriter doubleValue(int field, double value) {
        key(field, FIXED64);
        littleEndian(Double.doubleToRawLongBits(value), Long.BYTES);
        return this;
    }

    ProtoWriter floatValue(int field, float value) {
        key(field, FIXED32);
        littleEndian(Float.floatToRawIntBits(value), Integer.BYTES);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void key(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    /** Seven bits a byte, least significant first, the high bit set on all but the last. */
    private void rawVarint(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private void littleEndian(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
