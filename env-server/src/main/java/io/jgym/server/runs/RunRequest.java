package io.jgym.server.runs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunSpec;
import io.jgym.runs.Setting;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.TrainingRun;
import io.jgym.server.ApiException;
import io.jgym.server.Messages;
import io.jgym.server.RequestBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request to start or resume a run, read from a JSON body and checked the way {@code jgym train}
 * checks its flags (the trainer, the preset, each config key and value, the budget of a resumed run),
 * so a bad request is refused with 400 before any process starts. Errors name the key as the client
 * sent it and never the server's paths.
 *
 * @param trainer  the registered trainer
 * @param preset   the preset a new run starts from; empty for the trainer's default (and for a resume)
 * @param settings config keys to values laid over the preset (a resume: the budget keys it raises)
 * @param name     the run's id, also its folder name under the runs folder
 * @param resume   whether the run {@code name} continues from its last checkpoint
 */
record RunRequest(String trainer, Optional<String> preset, Map<String, Object> settings, String name, boolean resume) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The longest message a refused request gets back: client input inside it is never repeated in full. */
    private static final int MESSAGE_CHARS = 600;
    private static final Set<String> CREATE_KEYS = Set.of("trainer", "preset", "config", "name", "seed");
    private static final Set<String> RESUME_KEYS = Set.of("config");

    RunRequest {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The arguments of {@code jgym train} after the trainer's name, as the child process gets them. */
    RunSpec spec(Path runsDir) {
        return new RunSpec(preset, settings, Optional.of(name), runsDir, resume, 2, true);
    }

    /**
     * A new run from {@code POST /v1/runs} {@code {trainer, preset?, config?, name?, seed?}}.
     *
     * @param freshName makes a name for a run the client did not name
     */
    static RunRequest create(String body, TrainerRegistry registry, Path runsDir, java.util.function.Function<String, String> freshName) {
        JsonNode root = RequestBody.parse(body).fields();
        allowOnly(root, CREATE_KEYS, "POST /v1/runs/");
        String trainer = text(root, "trainer").orElseThrow(() -> ApiException.badRequest(
                "A required request parameter 'trainer' was not provided; GET /v1/trainers/ lists the trainers"));
        TrainerProvider<?, ?> provider = provider(registry, trainer);
        Map<String, Object> settings = config(root, provider);
        JsonNode seed = root.get("seed");
        if (seed != null && !seed.isNull()) {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.asLong() < 0) {
                throw ApiException.badRequest("Parameter 'seed' must be a non-negative integer, got " + Messages.quote(seed.toString()));
            }
            Object configured = settings.get("seed");
            if (configured != null && !String.valueOf(configured).equals(seed.asText())) {
                throw ApiException.badRequest("Parameter 'seed' (" + seed.asText() + ") and config key 'seed' (" + configured
                        + ") disagree; give one of them");
            }
            settings.put("seed", seed.asLong());
        }
        String name = text(root, "name").orElseGet(() -> freshName.apply(trainer));
        checkName(name);
        if (Files.exists(runsDir.resolve(name))) {
            throw ApiException.badRequest("A run named '" + name + "' exists already; resume it with POST /v1/runs/" + name
                    + "/resume or choose another name");
        }
        RunRequest request = new RunRequest(trainer, text(root, "preset"), settings, name, false);
        plan(provider, request.spec(runsDir));
        return request;
    }

    /** A resume of the run {@code name} of {@code trainer}, from {@code POST /v1/runs/{id}/resume} {@code {config?}}. */
    static RunRequest resume(String body, TrainerRegistry registry, Path runsDir, String trainer, String name) {
        JsonNode root = RequestBody.parse(body).fields();
        allowOnly(root, RESUME_KEYS, "POST /v1/runs/<id>/resume");
        TrainerProvider<?, ?> provider = provider(registry, trainer);
        Map<String, Object> settings = config(root, provider);
        List<String> fixed = settings.keySet().stream().filter(key -> !provider.budget().contains(key)).toList();
        if (!fixed.isEmpty()) {
            throw ApiException.badRequest("A resumed run keeps its saved settings; leave out config key(s) " + String.join(", ", fixed)
                    + (provider.budget().isEmpty() ? "" : " (only " + String.join(", ", provider.budget().stream().sorted().toList())
                    + " may be raised, to extend the run)"));
        }
        RunRequest request = new RunRequest(trainer, Optional.empty(), settings, name, true);
        plan(provider, request.spec(runsDir));
        return request;
    }

    private static TrainerProvider<?, ?> provider(TrainerRegistry registry, String trainer) {
        if (!trainer.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ApiException.badRequest("Unknown trainer '" + Messages.quote(trainer) + "'; GET /v1/trainers/ lists the trainers");
        }
        try {
            return registry.get(trainer);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(capitalized(e.getMessage()));
        }
    }

    /** Resolves the run as {@code jgym train} would, so a bad preset or value is refused before a process starts. */
    private static void plan(TrainerProvider<?, ?> provider, RunSpec spec) {
        try {
            TrainingRun.plan(provider, spec);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.badRequest(capitalized(e.getMessage()));
        }
    }

    private static String capitalized(String message) {
        String text = message == null || message.isEmpty() ? "The request was refused" : message;
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS) + "...";
    }

    /** Refuses a run id that is not a plain folder name. */
    static void checkName(String name) {
        try {
            RunFolder.resolve(Path.of("."), name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("A run name is a plain folder name (letters, digits, '.', '_', '-', not starting with"
                    + " '.' or '-'), got '" + Messages.quote(name) + "'");
        }
    }

    private static void allowOnly(JsonNode root, Set<String> keys, String route) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw ApiException.badRequest("Unknown parameter '" + Messages.quote(key) + "' for " + route + "; it takes "
                        + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }

    private static Optional<String> text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw ApiException.badRequest("Parameter '" + key + "' must be a non-empty string, got " + Messages.quote(v.toString()));
        }
        return Optional.of(v.asText());
    }

    /** The {@code config} object as settings, each key checked against the trainer's config record. */
    private static Map<String, Object> config(JsonNode root, TrainerProvider<?, ?> provider) {
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonNode config = root.get("config");
        if (config == null || config.isNull()) {
            return settings;
        }
        if (!config.isObject()) {
            throw ApiException.badRequest("Parameter 'config' must be an object of setting keys to values, got " + Messages.quote(config.toString()));
        }
        List<String> keys = Setting.of(provider.configType()).stream().map(Setting::key).toList();
        for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!keys.contains(field.getKey())) {
                throw ApiException.badRequest("Unknown config key '" + Messages.quote(field.getKey()) + "' for " + provider.name()
                        + "; its keys are " + String.join(", ", keys));
            }
            if (field.getValue().isTextual() && field.getValue().asText().startsWith("-")) {
                // The child gets each setting as a flag's value; one that looks like a flag would be read as one.
                throw ApiException.badRequest("Config key '" + field.getKey() + "' cannot start with '-', got "
                        + Messages.quote(field.getValue().toString()));
            }
            settings.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
        }
        return settings;
    }
}
