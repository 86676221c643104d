package se.stegvis.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntBiFunction;

import org.apache.avro.Schema;

/**
 * Remembers what the registry answered, so that after warm-up a serializer or deserializer makes no registry call
 * per message: ids are global and immutable, so a schema's id and an id's schema never change. The latest version
 * of a subject does change, so it is not cached.
 */
public class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> found = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(registered, subject, schema, registry::register);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cachedId(found, subject, schema, registry::idOf);
    }

    private int cachedId(Map<SubjectSchema, Integer> cache, String subject, Schema schema,
            ToIntBiFunction<String, Schema> call) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = cache.get(key);
        if (id == null) {
            id = call.applyAsInt(subject, schema);
            cache.put(key, id);
            schemasById.putIfAbsent(id, schema);
        }
        return id;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        RegisteredSchema latest = registry.latest(subject);
        schemasById.putIfAbsent(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            schema = registry.schemaById(id);
            schemasById.put(id, schema);
        }
        return schema;
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
