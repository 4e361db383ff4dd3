package io.jgym.launcher;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.Setting;
import io.jgym.runs.TrainerConfigs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The flags of a trainer's settings, made from its config record: one flag per component
 * ({@code maxSteps} -> {@code --max-steps}), typed like the component, described by its
 * {@code @JsonPropertyDescription} and the default preset's value. A new config component is a new
 * flag with help, without touching the launcher.
 */
final class SettingOptions {
    private final List<Setting> settings;

    private SettingOptions(List<Setting> settings) {
        this.settings = settings;
    }

    /** Adds a flag for every setting of {@code provider} to {@code command}. */
    static SettingOptions addTo(CommandSpec command, TrainerProvider<?, ?> provider) {
        List<Setting> settings = Setting.of(provider.configType());
        Map<String, Object> defaults = TrainerConfigs.asMap(TrainerConfigs.preset(provider, TrainerConfigs.defaultPreset(provider)));
        for (Setting setting : settings) {
            if (command.findOption(setting.flag()) != null) {
                throw new IllegalStateException(provider.name() + "'s setting " + setting.key() + " clashes with the flag " + setting.flag());
            }
            OptionSpec.Builder option = OptionSpec.builder(setting.flag())
                    .description(setting.description() + " (default: " + shown(defaults.get(setting.key())) + ")");
            if (setting.type() == List.class) {
                option.type(List.class).auxiliaryTypes(setting.elementType().orElse(String.class)).splitRegex(",")
                        .paramLabel("<" + setting.key() + ">[,...]");
            } else {
                option.type(boxed(setting.type())).paramLabel("<" + setting.key() + ">");
                if (setting.type() == boolean.class || setting.type() == Boolean.class) {
                    option.arity("1").paramLabel("true|false");
                }
            }
            command.addOption(option.build());
        }
        return new SettingOptions(settings);
    }

    /** The settings given on the command line, keyed by config component name. */
    Map<String, Object> given(ParseResult parsed) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (parsed.hasMatchedOption(setting.flag())) {
                given.put(setting.key(), parsed.matchedOptionValue(setting.flag(), null));
            }
        }
        return given;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "long" -> Long.class;
            case "int" -> Integer.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "float" -> Float.class;
            default -> throw new IllegalStateException("settings of type " + type + " are not supported");
        };
    }
}
