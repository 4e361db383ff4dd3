package io.jgym.generative.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    private static void picture(Path file, Color colour, int side, String format) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, side, side);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    @Test
    void readsSubfoldersAsClassesResizedToRgbChannels(@TempDir Path dir) throws IOException {
        picture(dir.resolve("cats/a.png"), Color.RED, 40, "png");
        picture(dir.resolve("cats/b.PNG"), Color.RED, 17, "png");
        picture(dir.resolve("dogs/c.jpg"), Color.BLUE, 64, "jpg");
        Files.writeString(dir.resolve("dogs/notes.txt"), "not a picture");
        ImageSet set = ImageFolderReader.read(dir, 8);
        assertEquals(3, set.count());
        assertEquals(3, set.channels());
        assertEquals(3 * 8 * 8, set.size());
        assertArrayEquals(new int[] {0, 0, 1}, set.labels());
        assertEquals(1.0f, set.pixels()[0], 1e-6, "image 0, red channel");
        assertEquals(0.0f, set.pixels()[2 * 64], 1e-6, "image 0, blue channel");
        assertTrue(set.pixels()[2 * 192 + 2 * 64] > 0.9f, "image 2 (a JPEG), blue channel");
    }

    @Test
    void emptyOrMissingFoldersAreExplained(@TempDir Path dir) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFolderReader.read(dir, 8))
                .getMessage().contains("no .png, .jpg or .jpeg files in"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFolderReader.read(dir.resolve("x"), 8))
                .getMessage().contains("no image folder at"));
    }
}
