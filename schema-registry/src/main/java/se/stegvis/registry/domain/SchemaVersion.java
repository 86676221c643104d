package se.stegvis.registry.domain;

/** One version of a subject: the global schema id and the canonical schema text it stands for. */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    SchemaVersion softDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }

    boolean live() {
        return !deleted;
    }
}
