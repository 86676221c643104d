package se.stegvis.consumer;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

import se.stegvis.schemas.registry.RegisteredSchema;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.registry.SchemaRegistryException;

/**
 * A test registry behind a switch: when off, every call fails as when no registry answers. Shared with the consuming
 * modules' tests (test-jar).
 */
public final class SwitchableRegistry implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final AtomicBoolean available = new AtomicBoolean();
    private final AtomicInteger refusedCalls = new AtomicInteger();

    public SwitchableRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public void switchOn() {
        available.set(true);
    }

    public int refusedCalls() {
        return refusedCalls.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        answerOrFail();
        return registry.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        answerOrFail();
        return registry.idOf(subject, schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        answerOrFail();
        return registry.latest(subject);
    }

    @Override
    public Schema schemaById(int id) {
        answerOrFail();
        return registry.schemaById(id);
    }

    private void answerOrFail() {
        if (!available.get()) {
            refusedCalls.incrementAndGet();
            throw new SchemaRegistryException("no schema registry answered", new ConnectException("Connection refused"));
        }
    }
}
