package se.stegvis.registry.domain;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * An Avro schema as the registry keeps it: parsed, and in canonical text (Avro's own compact rendering), which is what
 * decides whether two submissions are the same schema and so share an id.
 */
public record AvroSchema(String canonical, Schema parsed) {

    public static final String TYPE = "AVRO";

    public static AvroSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        try {
            Schema parsed = new Schema.Parser().parse(text);
            return new AvroSchema(parsed.toString(), parsed);
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            // AvroRuntimeException, not only SchemaParseException: Avro 1.12 reports a name that no type defines, or
            // a default of the wrong type, with its siblings (AvroTypeException), and those are bad input too.
            throw RegistryException.invalidSchema("Invalid schema of type AVRO, details: " + e.getMessage());
        }
    }

    /** Only AVRO is supported; Confluent answers an unknown type with this 42201 message. */
    public static AvroSchema parse(String text, String schemaType) {
        if (schemaType != null && !TYPE.equals(schemaType)) {
            throw RegistryException.invalidSchema("Invalid schema type " + schemaType);
        }
        return parse(text);
    }
}
