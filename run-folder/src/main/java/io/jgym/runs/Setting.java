package io.jgym.runs;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One setting of a trainer's config record: its key in {@code config.json} (the record component's
 * name), its command-line flag ({@code maxSteps} -> {@code --max-steps}), its type and its
 * description, read from the component's {@code @JsonPropertyDescription}. The CLI, the HTTP runs
 * API and the docs all take a trainer's settings from here, so a new component is a new setting
 * everywhere.
 *
 * @param key         the component name, e.g. {@code maxSteps}
 * @param type        the component's class ({@code long.class}, {@code List.class}, an enum, ...)
 * @param elementType for a list, the class of its elements; otherwise empty
 * @param description one line, from {@code @JsonPropertyDescription} (empty when missing)
 */
public record Setting(String key, Class<?> type, Optional<Class<?>> elementType, String description) {

    /** The settings of a config record, in declaration order. */
    public static List<Setting> of(Class<?> configType) {
        if (!configType.isRecord()) {
            throw new IllegalArgumentException(configType.getName() + " is not a record; a trainer config must be one");
        }
        return Arrays.stream(configType.getRecordComponents()).map(Setting::of).toList();
    }

    private static Setting of(RecordComponent component) {
        Optional<Class<?>> element = Optional.empty();
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> c) {
            element = Optional.of(c);
        }
        return new Setting(component.getName(), component.getType(), element, description(component));
    }

    private static String description(RecordComponent component) {
        JsonPropertyDescription annotation = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
        if (annotation == null) {
            try {
                annotation = component.getDeclaringRecord().getDeclaredField(component.getName())
                        .getAnnotation(JsonPropertyDescription.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("a record component without a field: " + component, e);
            }
        }
        return annotation == null ? "" : annotation.value();
    }

    /** The flag of a config key: {@code maxSteps} -> {@code --max-steps}. */
    public static String flag(String key) {
        StringBuilder flag = new StringBuilder("--");
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                flag.append('-').append(Character.toLowerCase(c));
            } else {
                flag.append(c);
            }
        }
        return flag.toString();
    }

    public String flag() {
        return flag(key);
    }
}
