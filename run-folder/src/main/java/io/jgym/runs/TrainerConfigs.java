package io.jgym.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgym.contracts.training.TrainerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one way every trainer's config is made: start from a preset, lay the saved config of a
 * resumed run over it, then the settings given (flags, an HTTP request, a sweep), and let the config
 * record validate the result. Settings travel as a JSON tree keyed by component name, so nothing
 * here knows any trainer; an unknown key or a value of the wrong type is refused with its flag.
 */
public final class TrainerConfigs {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private TrainerConfigs() {
    }

    /** The preset called {@code name} of {@code provider}; an unknown name lists the known ones. */
    public static <C> C preset(TrainerProvider<C, ?> provider, String name) {
        C preset = provider.presets().get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; choose "
                    + String.join(" or ", provider.presets().keySet()));
        }
        return preset;
    }

    /** The name of {@code provider}'s default preset: its first. */
    public static String defaultPreset(TrainerProvider<?, ?> provider) {
        return provider.presets().keySet().iterator().next();
    }

    /**
     * {@code base} with {@code settings} laid over it, as {@code provider}'s config type.
     *
     * @throws IllegalArgumentException naming the flag, for an unknown key, a wrong type or a value the record refuses
     */
    public static <C> C apply(TrainerProvider<C, ?> provider, Object base, Map<String, ?> settings) {
        ObjectNode tree = tree(base);
        settings.forEach((key, value) -> tree.set(key, JSON.valueToTree(value)));
        return bind(provider, tree);
    }

    /**
     * The config a run was saved with ({@code config.json} or a checkpoint's provenance), read back
     * over its preset so that settings added to the trainer since take their preset values, with
     * {@code settings} laid over it.
     */
    public static <C> C restore(TrainerProvider<C, ?> provider, String preset, Object saved, Map<String, ?> settings) {
        return apply(provider, tree(preset(provider, preset)).setAll(tree(saved)), settings);
    }

    /** A config (or a saved config read back as maps) as a JSON tree. */
    public static ObjectNode tree(Object config) {
        JsonNode node = JSON.valueToTree(config);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a config must be a JSON object, got " + node);
        }
        return object;
    }

    /** A config as JSON-ready maps, lists and scalars: what config.json and provenance hold. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object config) {
        return JSON.convertValue(config, Map.class);
    }

    /** The config as indented JSON, for {@code --print-config}. */
    public static String toJson(Object config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed every config has. */
    public static long seed(Object config) {
        JsonNode seed = tree(config).get("seed");
        if (seed == null || !seed.canConvertToLong()) {
            throw new IllegalStateException(config.getClass().getName() + " has no long seed component; every trainer config needs one");
        }
        return seed.asLong();
    }

    private static <C> C bind(TrainerProvider<C, ?> provider, ObjectNode tree) {
        try {
            return JSON.treeToValue(tree, provider.configType());
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown setting " + Setting.flag(e.getPropertyName()) + " for " + provider.name()
                    + "; its settings are " + Setting.of(provider.configType()).stream().map(Setting::flag)
                    .collect(Collectors.joining(" ")), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(flagOf(e) + " cannot be " + e.getValue() + ": expected " + kind(e.getTargetType()), e);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(flagOf(e) + ": expected " + kind(e.getTargetType()) + ", got something else", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not read the settings of " + provider.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String flagOf(MismatchedInputException e) {
        return e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "a setting"
                : Setting.flag(e.getPath().get(0).getFieldName());
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "a whole number";
            case "double", "Double", "float", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "List" -> "a list";
            default -> type.getSimpleName();
        };
    }
}
