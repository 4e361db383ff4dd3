package io.jgym.launcher;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.Setting;
import io.jgym.runs.TrainerConfigs;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A command made for one trainer ({@code train <name>}, {@code bench <name>}): its own flags, and
 * the flags of the trainer's settings, made from its config record: one flag per component
 * ({@code maxSteps} -> {@code --max-steps}), typed like the component, described by its
 * {@code @JsonPropertyDescription} and the default preset's value. A new config component is a new
 * flag with help, without touching the launcher.
 */
final class TrainerCommandLine {
    private final CommandSpec command;
    private final List<Setting> settings;

    private TrainerCommandLine(CommandSpec command, List<Setting> settings) {
        this.command = command;
        this.settings = settings;
    }

    /**
     * The command {@code provider.name()} that runs {@code action}, with the picocli-annotated
     * {@code flags} and a flag for every setting of {@code provider}.
     */
    static TrainerCommandLine of(TrainerProvider<?, ?> provider, Callable<Integer> action, Object flags, String... description) {
        CommandSpec command = CommandSpec.wrapWithoutInspection(action).name(provider.name()).mixinStandardHelpOptions(true);
        command.usageMessage().description(description).sortOptions(false).abbreviateSynopsis(true);
        command.addMixin("flags", CommandSpec.forAnnotatedObject(flags));
        List<Setting> settings = Setting.of(provider.configType());
        Map<String, Object> defaults = TrainerConfigs.asMap(TrainerConfigs.preset(provider, TrainerConfigs.defaultPreset(provider)));
        for (Setting setting : settings) {
            if (command.findOption(setting.flag()) != null) {
                throw new IllegalStateException(provider.name() + "'s setting " + setting.key() + " clashes with the flag " + setting.flag());
            }
            OptionSpec.Builder option = OptionSpec.builder(setting.flag())
                    .description(setting.description() + choices(setting.type()) + " (default: " + shown(defaults.get(setting.key())) + ")");
            if (setting.type() == List.class) {
                option.type(List.class).auxiliaryTypes(setting.elementType().orElse(String.class)).splitRegex(",")
                        .splitRegexSynopsisLabel(",").paramLabel("<" + setting.key() + ">");
            } else {
                option.type(boxed(setting.type())).paramLabel("<" + setting.key() + ">");
                if (setting.type() == boolean.class || setting.type() == Boolean.class) {
                    option.arity("1").paramLabel("true|false");
                }
            }
            command.addOption(option.build());
        }
        return new TrainerCommandLine(command, settings);
    }

    CommandSpec spec() {
        return command;
    }

    /** Where the command prints. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The settings given on the command line, keyed by config component name. */
    Map<String, Object> given() {
        ParseResult parsed = command.commandLine().getParseResult();
        Map<String, Object> given = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (parsed.hasMatchedOption(setting.flag())) {
                given.put(setting.key(), parsed.matchedOptionValue(setting.flag(), null));
            }
        }
        return given;
    }

    /** For an enum setting, the values it takes. */
    private static String choices(Class<?> type) {
        return type.isEnum() ? " One of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", ")) + "." : "";
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
