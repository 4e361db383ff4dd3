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
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    /** A width x height image: red left of the centre square, green inside it, blue to its right. */
    private static void writeStriped(Path file, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int square = Math.min(width, height);
        int left = (width - square) / 2;
        g.setColor(Color.RED);
        g.fillRect(0, 0, left, height);
        g.setColor(Color.GREEN);
        g.fillRect(left, 0, square, height);
        g.setColor(Color.BLUE);
        g.fillRect(left + square, 0, width - left - square, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    @Test
    void imagesAreCroppedToTheirCentreScaledAndLabelledBySubFolderWithEveryTenthHeldOut(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 12; i++) {
            writeStriped(dir.resolve("cats/" + i + ".png"), 300, 100, "png");
        }
        for (int i = 0; i < 8; i++) {
            writeStriped(dir.resolve("dogs/" + i + ".jpg"), 64, 64, "jpg");
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        ImageFolder.Split split = ImageFolder.read(dir, 16);
        assertEquals(List.of("cats", "dogs"), split.classes());
        assertEquals(18, split.train().count());
        assertEquals(2, split.heldOut().count());
        assertEquals(3, split.train().channels());
        assertEquals(16, split.train().height());
        int[] expectedTrainLabels = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1};
        assertArrayEquals(expectedTrainLabels, split.train().labels());
        float[] p = split.train().pixels();
        int plane = 16 * 16;
        for (int image : new int[] {0, 17}) { // a cropped PNG and a JPEG: pure green within JPEG's error
            for (int i = 0; i < plane; i++) {
                int at = image * 3 * plane + i;
                assertTrue(p[at] < 0.05f && p[at + plane] > 0.95f && p[at + 2 * plane] < 0.05f,
                        "image " + image + " pixel " + i + " is green: " + p[at] + ", " + p[at + plane] + ", " + p[at + 2 * plane]);
            }
        }
    }

    @Test
    void aMissingFolderAnUnreadableImageAndAnEmptyFolderGetClearErrors(@TempDir Path dir) throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ImageFolder.read(dir.resolve("nope"), 8));
        assertTrue(missing.getMessage().contains("no image folder"), missing.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ImageFolder.read(dir, 8));
        assertTrue(empty.getMessage().contains("0 PNG/JPEG images"), empty.getMessage());
        writeStriped(dir.resolve("a.png"), 10, 10, "png");
        Files.write(dir.resolve("b.png"), new byte[] {1, 2, 3});
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> ImageFolder.read(dir, 8));
        assertTrue(broken.getMessage().contains("b.png") && broken.getMessage().contains("not an image"), broken.getMessage());
    }

    @Test
    void generatedShapesAreRepeatableAndCoverAllThreeClasses() {
        ImageSet a = ColourShapes.generate(60, 20, 5);
        ImageSet b = ColourShapes.generate(60, 20, 5);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(3, java.util.Arrays.stream(a.labels()).distinct().count());
        assertEquals(3, a.channels());
    }
}
