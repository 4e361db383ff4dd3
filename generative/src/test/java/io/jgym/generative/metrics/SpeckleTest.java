package io.jgym.generative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpeckleTest {

    @Test
    void countsLonePixelsButNotEdgesTexturesOrFlatAreas() {
        int side = 10;
        float[] image = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 4; x < side; x++) {
                image[y * side + x] = 1; // a vertical edge between columns 3 and 4
            }
        }
        assertEquals(0.0, Speckle.of(image, 1, side, side), "an edge is no speckle");
        float[] checkerboard = new float[side * side];
        for (int i = 0; i < checkerboard.length; i++) {
            checkerboard[i] = (i / side + i % side) % 2;
        }
        assertEquals(0.0, Speckle.of(checkerboard, 1, side, side), "a texture is no speckle: each pixel has neighbours like it");
        image[4 * side + 1] = 1;        // a lone white pixel on black, two columns from the edge
        image[5 * side + 7] = 0;        // a lone black pixel on white
        assertEquals(2.0 / 64, Speckle.of(image, 1, side, side), 1e-12, "two of the 64 interior pixels");
    }

    @Test
    void averagesOverImagesAndChannelsAndRefusesPartialImages() {
        float[] twoImagesTwoChannels = new float[2 * 2 * 3 * 3];
        twoImagesTwoChannels[4] = 1; // the centre of the first image's first channel
        assertEquals(1.0 / 4, Speckle.of(twoImagesTwoChannels, 2, 3, 3), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Speckle.of(new float[10], 1, 3, 3));
    }
}
