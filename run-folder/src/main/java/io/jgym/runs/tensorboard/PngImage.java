package io.jgym.runs.tensorboard;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A PNG file's bytes with the size and colour space TensorBoard's {@code Summary.Image} records,
 * read from the PNG header without decoding the picture.
 *
 * @param bytes      the encoded file
 * @param width      pixels across
 * @param height     pixels down
 * @param colorspace TensorFlow's code: 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA
 */
record PngImage(byte[] bytes, int width, int height, int colorspace) {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Signature, chunk length, "IHDR", width, height, bit depth, colour type. */
    private static final int HEADER_BYTES = 26;

    /**
     * Reads the header of {@code bytes}.
     *
     * @throws IllegalArgumentException if they are not a PNG file
     */
    static PngImage of(byte[] bytes) {
        if (bytes.length < HEADER_BYTES || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalArgumentException("not a PNG file (" + bytes.length + " bytes without the PNG signature)");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as PNG is
        return new PngImage(bytes, header.getInt(16), header.getInt(20), colorspace(bytes[25]));
    }

    /** PNG colour types 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA, as TensorFlow's colour spaces. */
    private static int colorspace(int pngColourType) {
        return switch (pngColourType) {
            case 0 -> 1;
            case 4 -> 2;
            case 6 -> 4;
            default -> 3;
        };
    }
}
