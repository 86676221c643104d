package se.stegvis.registry.adapter.in.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies. Bodies are taken as text and read here rather than by a message converter because Confluent
 * accepts JSON sent as {@code application/octet-stream} too, and answers unreadable JSON in its own way.
 */
final class Requests {

    /** POST /subjects/{s}/versions, POST /subjects/{s} and the compatibility checks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaRequest(String schema, String schemaType, List<Object> references) {
    }

    /** PUT /config and PUT /config/{s}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigRequest(String compatibility) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Requests() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestBody(422, "request body must not be null");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new BadRequestBody(422, "request body must not be null");
            }
            return value;
        } catch (JacksonException e) {
            throw new BadRequestBody(400, e.getOriginalMessage());
        }
    }

    /** A body that is missing (422) or not the JSON expected (400), answered as Confluent's rest-utils does. */
    static final class BadRequestBody extends RuntimeException {

        private final int status;

        BadRequestBody(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
