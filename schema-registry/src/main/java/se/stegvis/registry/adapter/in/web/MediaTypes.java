package se.stegvis.registry.adapter.in.web;

/** The media types Confluent's registry speaks; the first one is what it answers with unless asked otherwise. */
final class MediaTypes {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {
    }
}
