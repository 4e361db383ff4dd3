package io.jgym.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.Frame;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.images.AnimatedGifWriter;
import io.jgym.contracts.images.FrameImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered environment draws itself, without a display, and frames encode losslessly. */
class RenderTest {

    static Stream<EnvSpec> specs() {
        return EnvRegistry.discover().specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void rendersAfterResetAndThePictureFollowsTheState(EnvSpec spec) {
        try (Env env = spec.make()) {
            assertTrue(env.render().isEmpty(), "nothing to draw before the first reset");
            env.reset(5);
            Frame first = env.render().orElseThrow();
            assertTrue(first.width() >= 100 && first.height() >= 100, first.width() + "x" + first.height());
            NumpyGenerator sampler = NumpyGenerator.seeded(5);
            boolean changed = false;
            for (int t = 0; t < 50 && !changed; t++) {
                if (env.step(env.actionSpace().sample(sampler)).done()) {
                    env.reset();
                }
                changed = !Arrays.equals(first.rgb(), env.render().orElseThrow().rgb());
            }
            assertTrue(changed, spec.id() + ": the picture never changed in 50 random steps");
        }
    }

    @Test
    void pngEncodingKeepsEveryPixel() throws IOException {
        try (Env env = EnvRegistry.discover().make("CartPole-v1")) {
            env.reset(0);
            Frame frame = env.render().orElseThrow();
            var decoded = ImageIO.read(new ByteArrayInputStream(FrameImages.png(frame)));
            assertEquals(600, decoded.getWidth());
            assertEquals(400, decoded.getHeight());
            int[] expected = FrameImages.toImage(frame).getRGB(0, 0, 600, 400, null, 0, 600);
            assertArrayEquals(expected, decoded.getRGB(0, 0, 600, 400, null, 0, 600));
        }
    }

    @Test
    void animatedGifsHoldEveryFrame(@TempDir Path dir) throws IOException {
        Path gif = dir.resolve("episode.gif");
        try (Env env = EnvRegistry.discover().make("FrozenLake-v1");
             AnimatedGifWriter writer = new AnimatedGifWriter(gif, 100)) {
            env.reset(0);
            writer.add(env.render().orElseThrow());
            NumpyGenerator sampler = NumpyGenerator.seeded(0);
            boolean done = false;
            while (!done) {
                done = env.step(env.actionSpace().sample(sampler)).done();
                writer.add(env.render().orElseThrow());
            }
            assertFalse(gif.toFile().exists(), "the GIF appears only when complete");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "reset frame plus one per step of seed 0's 2-step episode");
        }
    }
}
