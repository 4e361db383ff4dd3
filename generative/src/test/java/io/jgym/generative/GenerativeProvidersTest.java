package io.jgym.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.generative.autoencoder.ConvAeProvider;
import io.jgym.generative.autoencoder.DenseAeProvider;
import io.jgym.generative.imagegan.DcganProvider;
import io.jgym.generative.imagegan.DenseGanProvider;
import io.jgym.generative.sine.SineGanProvider;
import io.jgym.generative.vae.ConvVaeRgbProvider;
import io.jgym.runs.TrainerConfigs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the providers promise before any training: presets, flag-named refusals, data checked in create. */
class GenerativeProvidersTest {

    @Test
    void eachAutoencoderHasItsOwnPresetAndOnlyTheDenseOneHasEncoderWidths() {
        assertEquals(5, new ConvAeProvider().presets().get("default").epochs(), "conv-ae runs 5 epochs by default");
        assertEquals(10, new DenseAeProvider().presets().get("default").epochs());
        assertTrue(TrainerConfigs.asMap(new DenseAeProvider().presets().get("default")).containsKey("encoderLayers"));
        assertTrue(!TrainerConfigs.asMap(new ConvAeProvider().presets().get("default")).containsKey("encoderLayers"));
    }

    @Test
    void badSettingsAreRefusedWithTheFlagAndTheValue() {
        SineGanProvider sine = new SineGanProvider();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(sine, sine.presets().get("default"), Map.of("batchSize", 0)));
        assertEquals("--batch-size must be positive, got 0", zero.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(sine, sine.presets().get("default"), Map.of("waves", 10)));
        assertEquals("--waves (10) must hold at least one batch (40)", few.getMessage());
        DcganProvider dcgan = new DcganProvider();
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(dcgan, dcgan.presets().get("default"), Map.of("imageSize", 84)));
        assertTrue(side.getMessage().startsWith("--image-size (84) must divide by 8"), side.getMessage());
    }

    @Test
    void configsSurviveTheirJsonRoundTrip() {
        ConvVaeRgbProvider rgb = new ConvVaeRgbProvider();
        assertEquals(rgb.presets().get("default"), TrainerConfigs.apply(rgb, TrainerConfigs.asMap(rgb.presets().get("default")), Map.of()));
        DenseGanProvider gan = new DenseGanProvider();
        assertEquals(gan.presets().get("default"), TrainerConfigs.apply(gan, TrainerConfigs.asMap(gan.presets().get("default")), Map.of()));
    }

    @Test
    void missingImagesFailInCreateWithTheInstallHint(@TempDir Path empty) {
        DenseGanProvider gan = new DenseGanProvider();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gan.create(TrainerConfigs.apply(gan, gan.presets().get("default"), Map.of("data", empty.toString()))));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }
}
