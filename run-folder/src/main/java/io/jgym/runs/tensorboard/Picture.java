package io.jgym.runs.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A picture file's bytes with the size and colour space TensorBoard's {@code Summary.Image} records,
 * read from the file's header without decoding it. PNG (samples, frames) and GIF (training
 * animations, which TensorBoard shows animated) are understood.
 *
 * @param bytes      the encoded file
 * @param width      pixels across
 * @param height     pixels down
 * @param colorspace TensorFlow's code: 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA
 */
record Picture(byte[] bytes, int width, int height, int colorspace) {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Signature, chunk length, "IHDR", width, height, bit depth, colour type. */
    private static final int PNG_HEADER_BYTES = 26;
    /** "GIF87a" or "GIF89a", then the logical screen's width and height. */
    private static final int GIF_HEADER_BYTES = 10;
    private static final int RGB = 3;

    /**
     * Reads the header of {@code bytes}.
     *
     * @throws IllegalArgumentException if they are neither a PNG nor a GIF file
     */
    static Picture of(byte[] bytes) {
        if (bytes.length >= PNG_HEADER_BYTES && Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
            ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as PNG is
            return new Picture(bytes, header.getInt(16), header.getInt(20), pngColorspace(bytes[25]));
        }
        String signature = new String(bytes, 0, Math.min(6, bytes.length), StandardCharsets.US_ASCII);
        if (bytes.length >= GIF_HEADER_BYTES && (signature.equals("GIF87a") || signature.equals("GIF89a"))) {
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            return new Picture(bytes, Short.toUnsignedInt(header.getShort(6)), Short.toUnsignedInt(header.getShort(8)), RGB);
        }
        throw new IllegalArgumentException("neither a PNG nor a GIF file (" + bytes.length + " bytes without either signature)");
    }

    /** PNG colour types 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA, as TensorFlow's colour spaces. */
    private static int pngColorspace(int pngColourType) {
        return switch (pngColourType) {
            case 0 -> 1;
            case 4 -> 2;
            case 6 -> 4;
            default -> RGB;
        };
    }
}
