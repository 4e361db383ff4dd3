package io.jgym.generative.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentPicturesTest {

    @Test
    void theDecodedAreaFollowsTheCodesAndIgnoresAFewFarOutliers() {
        float[] codes = new float[2 * 101];
        for (int i = 0; i < 100; i++) {
            codes[2 * i] = 10 + i;         // x from 10 to 109
            codes[2 * i + 1] = -50 + i;    // y from -50 to 49
        }
        codes[200] = 5000;                  // one code far out on both axes
        codes[201] = 5000;
        LatentPictures.Area area = LatentPictures.Area.ofCodes(codes);
        assertEquals(12, area.left(), 1e-6);
        assertEquals(108, area.right(), 1e-6);
        assertEquals(-48, area.bottom(), 1e-6);
        assertEquals(48, area.top(), 1e-6);
    }

    @Test
    void theGridRunsLeftToRightAndTopToBottomOverTheArea(@TempDir Path dir) {
        float[][] asked = new float[1][];
        LatentPictures.decodedGrid(z -> {
            asked[0] = z.clone();
            return new float[z.length / 2 * 4]; // 2x2 black images
        }, 3, new LatentPictures.Area(-1, 1, 0, 4), 1, 2, 2, dir.resolve("decoded.png"));
        assertArrayEquals(new float[] {-1, 4, 0, 4, 1, 4, -1, 2, 0, 2, 1, 2, -1, 0, 0, 0, 1, 0}, asked[0], 1e-6f);
        assertTrue(Files.isRegularFile(dir.resolve("decoded.png")));
    }
}
