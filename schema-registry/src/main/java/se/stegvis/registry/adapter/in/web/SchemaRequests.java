package se.stegvis.registry.adapter.in.web;

import se.stegvis.registry.adapter.in.web.Requests.SchemaRequest;
import se.stegvis.registry.domain.AvroSchema;
import se.stegvis.registry.domain.RegistryException;

/** A schema as submitted, turned into the domain's schema; references are refused, as documented in the README. */
final class SchemaRequests {

    private SchemaRequests() {
    }

    static AvroSchema schemaOf(String body) {
        SchemaRequest request = Requests.read(body, SchemaRequest.class);
        if (request.references() != null && !request.references().isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry");
        }
        return AvroSchema.parse(request.schema(), request.schemaType());
    }
}
