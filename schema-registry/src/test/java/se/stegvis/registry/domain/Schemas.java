package se.stegvis.registry.domain;

/** Invented record schemas for the tests, built field by field. */
final class Schemas {

    private Schemas() {
    }

    static final String NAME = field("name", "string");
    static final String AGE = field("age", "int");
    static final String AGE_WITH_DEFAULT = "{\"name\":\"age\",\"type\":\"int\",\"default\":0}";

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String person(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"se.stegvis.test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    static AvroSchema avro(String text) {
        return AvroSchema.parse(text);
    }
}
