package io.jgym.contracts.images;

import io.jgym.contracts.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Converts {@link Frame}s to images and PNG bytes, with the JDK's ImageIO (no native code). */
public final class FrameImages {
    private FrameImages() {
    }

    /** The frame as a Java image. */
    public static BufferedImage toImage(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        byte[] rgb = frame.rgb();
        int[] pixels = new int[frame.width() * frame.height()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        image.setRGB(0, 0, frame.width(), frame.height(), pixels, 0, frame.width());
        return image;
    }

    /** The frame encoded as PNG. */
    public static byte[] png(Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(frame), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
