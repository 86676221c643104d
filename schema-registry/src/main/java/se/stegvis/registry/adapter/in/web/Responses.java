package se.stegvis.registry.adapter.in.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import se.stegvis.registry.domain.SchemaVersion;

/** The JSON bodies Confluent's registry answers with, field for field. */
final class Responses {

    private Responses() {
    }

    record RegisterResponse(int id) {
    }

    record SchemaResponse(String subject, int version, int id, String schema) {
        static SchemaResponse of(SchemaVersion version) {
            return new SchemaResponse(version.subject(), version.version(), version.id(), version.schema());
        }
    }

    /** GET /schemas/ids/{id}; AVRO is the default type, so Confluent leaves schemaType out. */
    record SchemaStringResponse(String schema) {
    }

    record SubjectVersionResponse(String subject, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityResponse(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {
    }

    record ConfigResponse(String compatibilityLevel) {
    }

    record ConfigUpdateResponse(String compatibility) {
    }

    record ModeResponse(String mode) {
    }

    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
    }
}
