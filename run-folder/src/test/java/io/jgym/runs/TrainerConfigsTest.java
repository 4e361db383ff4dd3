package io.jgym.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings: preset, then saved config, then given values; refusals name the flag; names stay inside the runs folder. */
class TrainerConfigsTest {

    /** A config record as trainers write them. */
    record Settings(@JsonPropertyDescription("Seeds everything.") long seed,
                    @JsonPropertyDescription("Passes over the data.") int epochs,
                    @JsonPropertyDescription("Hidden widths.") List<Integer> hiddenLayers,
                    @JsonPropertyDescription("Optimiser step size.") double learningRate) {
        Settings {
            if (epochs <= 0) {
                throw new IllegalArgumentException("--epochs must be positive, got " + epochs);
            }
        }
    }

    /** Only its settings are used here; it trains nothing. */
    static final class Provider implements GenerativeProvider<Settings> {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public String description() {
            return "a provider for settings tests";
        }

        @Override
        public Class<Settings> configType() {
            return Settings.class;
        }

        @Override
        public Map<String, Settings> presets() {
            Map<String, Settings> presets = new LinkedHashMap<>();
            presets.put("default", new Settings(1, 5, List.of(8, 8), 1e-3));
            presets.put("wide", new Settings(1, 5, List.of(64), 1e-3));
            return presets;
        }

        @Override
        public Set<String> budget() {
            return Set.of("epochs");
        }

        @Override
        public Trainer<Sampler> create(Settings config) {
            throw new UnsupportedOperationException("not trained in these tests");
        }

        @Override
        public Sampler load(Settings config, Checkpoint checkpoint) {
            throw new UnsupportedOperationException("not trained in these tests");
        }
    }

    private final Provider provider = new Provider();

    @Test
    void givenValuesGoOverThePreset() {
        Settings settings = TrainerConfigs.apply(provider, TrainerConfigs.preset(provider, "wide"),
                Map.of("epochs", 9, "learningRate", 0.5));
        assertEquals(new Settings(1, 9, List.of(64), 0.5), settings);
        assertEquals("default", TrainerConfigs.defaultPreset(provider));
        assertEquals(1, TrainerConfigs.seed(settings));
    }

    @Test
    void aSavedConfigIsReadOverItsPresetSoNewSettingsTakeThePresetValue() {
        Settings restored = TrainerConfigs.restore(provider, "default", Map.of("seed", 4, "epochs", 7), Map.of("epochs", 8));
        assertEquals(new Settings(4, 8, List.of(8, 8), 1e-3), restored);
    }

    @Test
    void refusalsNameTheFlag() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(provider, provider.presets().get("default"), Map.of("epoch", 3)));
        assertTrue(unknown.getMessage().startsWith("unknown setting --epoch for toy; its settings are --seed --epochs"),
                unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(provider, provider.presets().get("default"), Map.of("epochs", 0)));
        assertEquals("--epochs must be positive, got 0", range.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfigs.apply(provider, provider.presets().get("default"), Map.of("epochs", "many")));
        assertTrue(type.getMessage().startsWith("--epochs cannot be many: expected a whole number"), type.getMessage());
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class, () -> TrainerConfigs.preset(provider, "tiny"));
        assertEquals("unknown preset 'tiny'; choose default or wide", preset.getMessage());
    }

    @Test
    void settingsAreReadFromTheRecordWithFlagsAndDescriptions() {
        List<Setting> settings = Setting.of(Settings.class);
        assertEquals(List.of("--seed", "--epochs", "--hidden-layers", "--learning-rate"), settings.stream().map(Setting::flag).toList());
        assertEquals("Hidden widths.", settings.get(2).description());
        assertEquals(Optional.of(Integer.class), settings.get(2).elementType());
    }

    @Test
    void aRunNameMustStayInsideTheRunsFolder() {
        assertEquals(Path.of("runs", "dqn-1"), RunFolder.resolve(Path.of("runs"), "dqn-1"));
        for (String bad : List.of("../../x", "a/b", ".hidden", "", "-flag")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.resolve(Path.of("runs"), bad));
            assertTrue(e.getMessage().startsWith("--name must be a plain folder name"), e.getMessage());
        }
    }
}
