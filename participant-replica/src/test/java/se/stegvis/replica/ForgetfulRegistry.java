package se.stegvis.replica;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

import se.stegvis.schemas.registry.RegisteredSchema;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.registry.SchemaRegistryException;

/** The shared test registry as an emptied one would answer: every schema id "not found", until it remembers. */
final class ForgetfulRegistry implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final AtomicBoolean remembers = new AtomicBoolean();
    private final AtomicInteger notFound = new AtomicInteger();

    ForgetfulRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    void remember() {
        remembers.set(true);
    }

    int notFoundAnswers() {
        return notFound.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        return registry.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return registry.idOf(subject, schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registry.latest(subject);
    }

    @Override
    public Schema schemaById(int id) {
        if (!remembers.get()) {
            notFound.incrementAndGet();
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return registry.schemaById(id);
    }
}
