package io.jgym.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request's JSON body with gym-http-api's parameter rules: an empty body or {@code null} counts
 * as {@code {}}, unknown keys are ignored, and a parameter that is null, {@code ""} or {@code []}
 * counts as not provided (so a required one gives the original's error text).
 */
public final class RequestBody {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectNode body;

    private RequestBody(ObjectNode body) {
        this.body = body;
    }

    /** Parses a raw body. @throws ApiException for malformed JSON or a body that is not an object */
    public static RequestBody parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new RequestBody(JsonNodeFactory.instance.objectNode());
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Request is not a valid json: " + Messages.quote(e.getOriginalMessage()));
        }
        if (node == null || node.isNull()) {
            return new RequestBody(JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        return new RequestBody((ObjectNode) node);
    }

    /** The parameter, or the original's "was not provided" error. */
    JsonNode required(String name) {
        return optional(name).orElseThrow(() ->
                ApiException.badRequest("A required request parameter '" + name + "' was not provided"));
    }

    /** The parameter, empty when absent or null, {@code ""} or {@code []}. */
    Optional<JsonNode> optional(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isArray() && v.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A required string parameter. */
    String requiredText(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw ApiException.badRequest("Parameter '" + name + "' must be a string, got " + Messages.quote(v.toString()));
        }
        return v.asText();
    }

    /** An optional boolean parameter (Python truthiness for numbers, as the original tested it). */
    boolean flag(String name) {
        return optional(name).map(v -> v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.asDouble() != 0 : true).orElse(false);
    }

    /** An optional non-negative integer seed. */
    OptionalLong seed(String name) {
        Optional<JsonNode> v = optional(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode seed = v.get();
        if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.asLong() < 0) {
            throw ApiException.badRequest("Parameter '" + name + "' must be a non-negative integer, got " + Messages.quote(seed.toString()));
        }
        return OptionalLong.of(seed.asLong());
    }

    /** Every key of the body, for routes that compare the whole body. */
    public ObjectNode fields() {
        return body;
    }
}
