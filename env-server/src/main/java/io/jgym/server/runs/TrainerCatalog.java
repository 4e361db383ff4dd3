package io.jgym.server.runs;

import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.Setting;
import io.jgym.runs.TrainerConfigs;
import io.jgym.runs.TrainerRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /v1/trainers} says about every registered trainer, for the dashboard's start form
 * and for clients: name, kind, description, budget settings, each preset's full config, and each
 * setting's key, flag, type and description. Only metadata: no trainer is created, so the server
 * never loads a training library.
 */
final class TrainerCatalog {
    private TrainerCatalog() {
    }

    static List<Map<String, Object>> describe(TrainerRegistry registry) {
        List<Map<String, Object>> trainers = new ArrayList<>();
        for (TrainerProvider<?, ?> provider : registry.all()) {
            trainers.add(describe(provider));
        }
        return trainers;
    }

    private static Map<String, Object> describe(TrainerProvider<?, ?> provider) {
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("name", provider.name());
        trainer.put("kind", provider.kind().name().toLowerCase());
        trainer.put("description", provider.description());
        trainer.put("resumable", provider.resumable());
        trainer.put("budget", provider.budget().stream().sorted().toList());
        Map<String, Object> presets = new LinkedHashMap<>();
        provider.presets().forEach((name, config) -> presets.put(name, TrainerConfigs.asMap(config)));
        trainer.put("presets", presets);
        List<Map<String, Object>> settings = new ArrayList<>();
        for (Setting setting : Setting.of(provider.configType())) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("key", setting.key());
            s.put("flag", setting.flag());
            s.put("type", type(setting));
            s.put("description", setting.description());
            settings.add(s);
        }
        trainer.put("settings", settings);
        return trainer;
    }

    /** The JSON type a setting takes: integer, number, boolean, string, list or one of an enum's names. */
    private static Object type(Setting setting) {
        Class<?> type = setting.type();
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return Map.of("enum", names);
        }
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "integer";
            case "double", "Double", "float", "Float" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "List" -> "list";
            default -> "string";
        };
    }
}
