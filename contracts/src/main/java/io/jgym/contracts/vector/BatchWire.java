package io.jgym.contracts.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary encoding {@code application/x-jgym-batch}: a list of named n-dimensional arrays, each
 * with a NumPy type string, so that any language reads it with a few lines (Python:
 * {@code numpy.frombuffer(data, dtype=typestr).reshape(shape)}). The server's vecenv routes and
 * WebSocket and the Java and Python clients read and write it; docs/http-api.md documents it.
 *
 * <pre>
 * message := "JGB1" count:u32 array*count
 * array   := nameLength:u16 name:utf8 typeLength:u8 typestr:ascii ndim:u8 dim:u32*ndim data
 * </pre>
 * All integers little-endian; {@code data} is the array in row-major order, little-endian, with
 * {@code prod(dims) * itemsize} bytes. Type strings: {@code <f4} float32, {@code <f8} float64,
 * {@code <i8} int64, {@code <i4} int32, {@code |b1} bool (one byte, 0 or 1), {@code |u1} bytes
 * (a UTF-8 JSON document, such as the {@code infos} dict).
 */
public final class BatchWire {
    /** The media type of the encoding. */
    public static final String MEDIA_TYPE = "application/x-jgym-batch";
    private static final byte[] MAGIC = "JGB1".getBytes(StandardCharsets.US_ASCII);

    private BatchWire() {
    }

    /** One decoded array: its NumPy type string, its shape and its little-endian data. */
    public record Array(String typestr, int[] shape, ByteBuffer data) {
        /** Number of elements. */
        public int size() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }

        /** The elements as float32 (only for {@code <f4}). */
        public float[] floats() {
            require("<f4");
            float[] out = new float[size()];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }

        /** The elements as float64 ({@code <f8} or {@code <f4}). */
        public double[] doubles() {
            if (typestr.equals("<f4")) {
                float[] f = floats();
                double[] out = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    out[i] = f[i];
                }
                return out;
            }
            require("<f8");
            double[] out = new double[size()];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            return out;
        }

        /** The elements as int64 ({@code <i8} or {@code <i4}). */
        public long[] longs() {
            long[] out = new long[size()];
            if (typestr.equals("<i4")) {
                int[] ints = new int[out.length];
                data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ints);
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                return out;
            }
            require("<i8");
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            return out;
        }

        /** The elements as booleans (only for {@code |b1}). */
        public boolean[] bools() {
            require("|b1");
            boolean[] out = new boolean[size()];
            ByteBuffer d = data.duplicate();
            for (int i = 0; i < out.length; i++) {
                out[i] = d.get() != 0;
            }
            return out;
        }

        /** The bytes as UTF-8 text (only for {@code |u1}). */
        public String text() {
            require("|u1");
            byte[] bytes = new byte[size()];
            data.duplicate().get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void require(String expected) {
            if (!typestr.equals(expected)) {
                throw new IllegalArgumentException("expected an array of type " + expected + ", got " + typestr);
            }
        }
    }

    /** Builds one message. */
    public static final class Writer {
        private final List<Object[]> arrays = new ArrayList<>();
        private int bytes = 8;

        /** A float32 array of the given shape. */
        public Writer floats(String name, float[] data, int... shape) {
            return add(name, "<f4", shape, data, data.length * 4);
        }

        /** A float64 array of shape (n,). */
        public Writer doubles(String name, double[] data) {
            return add(name, "<f8", new int[] {data.length}, data, data.length * 8);
        }

        /** An int64 array of the given shape. */
        public Writer longs(String name, long[] data, int... shape) {
            return add(name, "<i8", shape, data, data.length * 8);
        }

        /** A bool array of shape (n,). */
        public Writer bools(String name, boolean[] data) {
            return add(name, "|b1", new int[] {data.length}, data, data.length);
        }

        /** UTF-8 text (a JSON document) as a byte array. */
        public Writer text(String name, String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return add(name, "|u1", new int[] {utf8.length}, utf8, utf8.length);
        }

        /** A batch under {@code name} (a Tuple batch as {@code name.0}, {@code name.1}, ...). */
        public Writer batch(String name, Batch batch) {
            if (batch instanceof Batch.Longs l) {
                return longs(name, l.values(), l.values().length);
            }
            if (batch instanceof Batch.Floats f) {
                return floats(name, f.values(), f.size(), f.width());
            }
            List<Batch> components = ((Batch.Tuple) batch).components();
            for (int c = 0; c < components.size(); c++) {
                batch(name + "." + c, components.get(c));
            }
            return this;
        }

        private Writer add(String name, String typestr, int[] shape, Object data, int dataBytes) {
            arrays.add(new Object[] {name.getBytes(StandardCharsets.UTF_8), typestr, shape, data});
            bytes += 2 + name.length() * 3 + 1 + typestr.length() + 1 + 4 * shape.length + dataBytes;
            return this;
        }

        /** The encoded message. */
        public byte[] toBytes() {
            ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            out.put(MAGIC).putInt(arrays.size());
            for (Object[] a : arrays) {
                byte[] name = (byte[]) a[0];
                String typestr = (String) a[1];
                int[] shape = (int[]) a[2];
                out.putShort((short) name.length).put(name);
                out.put((byte) typestr.length()).put(typestr.getBytes(StandardCharsets.US_ASCII));
                out.put((byte) shape.length);
                for (int d : shape) {
                    out.putInt(d);
                }
                putData(out, a[3]);
            }
            return Arrays.copyOf(out.array(), out.position());
        }

        private static void putData(ByteBuffer out, Object data) {
            if (data instanceof float[] f) {
                out.asFloatBuffer().put(f);
                out.position(out.position() + f.length * 4);
            } else if (data instanceof double[] d) {
                out.asDoubleBuffer().put(d);
                out.position(out.position() + d.length * 8);
            } else if (data instanceof long[] l) {
                out.asLongBuffer().put(l);
                out.position(out.position() + l.length * 8);
            } else if (data instanceof boolean[] b) {
                for (boolean v : b) {
                    out.put((byte) (v ? 1 : 0));
                }
            } else {
                out.put((byte[]) data);
            }
        }
    }

    /**
     * Decodes a message into its arrays by name, in order.
     *
     * @throws IllegalArgumentException for anything that is not a well-formed message, saying where
     */
    public static Map<String, Array> read(byte[] message) {
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[4];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not an " + MEDIA_TYPE + " message: it must start with \"JGB1\"");
            }
            int count = in.getInt();
            if (count < 0 || count > 1024) {
                throw new IllegalArgumentException("an " + MEDIA_TYPE + " message holds 0 to 1024 arrays, got " + count);
            }
            Map<String, Array> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(in, Short.toUnsignedInt(in.getShort()), StandardCharsets.UTF_8);
                String typestr = string(in, Byte.toUnsignedInt(in.get()), StandardCharsets.US_ASCII);
                int itemSize = itemSize(typestr, name);
                int[] shape = new int[Byte.toUnsignedInt(in.get())];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.getInt();
                    if (shape[d] < 0) {
                        throw new IllegalArgumentException("array '" + name + "' has a negative dimension");
                    }
                    size *= shape[d];
                    if (size > in.remaining()) {
                        throw new IllegalArgumentException("array '" + name + "' is larger than the message");
                    }
                }
                long dataBytes = size * itemSize;
                if (dataBytes > in.remaining()) {
                    throw new IllegalArgumentException("array '" + name + "' needs " + dataBytes + " bytes of data, only "
                            + in.remaining() + " remain");
                }
                ByteBuffer data = in.slice(in.position(), (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) dataBytes);
                out.put(name, new Array(typestr, shape, data));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes follow the last array of the " + MEDIA_TYPE + " message");
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the " + MEDIA_TYPE + " message ended early");
        }
    }

    private static String string(ByteBuffer in, int length, java.nio.charset.Charset charset) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, charset);
    }

    private static int itemSize(String typestr, String name) {
        return switch (typestr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|b1", "|u1" -> 1;
            default -> throw new IllegalArgumentException("array '" + name + "' has type " + typestr
                    + "; supported: <f4, <f8, <i4, <i8, |b1, |u1");
        };
    }

    /** The batch named {@code name} in {@code arrays}, laid out for {@code space}, or null when absent. */
    public static Batch batch(Map<String, Array> arrays, String name, BatchSpace space) {
        if (space instanceof BatchSpace.TupleBatch t) {
            List<Batch> components = new ArrayList<>();
            for (int c = 0; c < t.spaces().size(); c++) {
                Batch component = batch(arrays, name + "." + c, t.spaces().get(c));
                if (component == null) {
                    return null;
                }
                components.add(component);
            }
            return new Batch.Tuple(components);
        }
        Array a = arrays.get(name);
        if (a == null) {
            return null;
        }
        if (space instanceof BatchSpace.MultiDiscrete) {
            return new Batch.Longs(a.longs());
        }
        int[] shape = ((BatchSpace.Boxes) space).box().shape();
        int width = a.size() / Math.max(1, shape[0]);
        float[] values = a.typestr().equals("<f8") ? toFloats(a.doubles()) : a.floats();
        return new Batch.Floats(values, Math.max(1, width));
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
