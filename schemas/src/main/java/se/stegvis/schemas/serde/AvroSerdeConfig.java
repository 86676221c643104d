package se.stegvis.schemas.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

import se.stegvis.schemas.registry.CachingSchemaRegistryClient;
import se.stegvis.schemas.registry.RestSchemaRegistryClient;
import se.stegvis.schemas.registry.SchemaRegistryClient;

/** The configuration keys of the serde: Confluent's names and defaults, so existing configuration carries over. */
public final class AvroSerdeConfig {

    /** Comma-separated base URLs of the schema registry. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer schema when it is not yet under the subject (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema instead of registering (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Read into the generated event classes instead of generic records (default false). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private final Map<String, ?> configs;

    AvroSerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    SchemaRegistryClient registryClient() {
        Object urls = configs.get(SCHEMA_REGISTRY_URL);
        if (urls == null || urls.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        List<String> list = urls instanceof List<?> l ? l.stream().map(Object::toString).toList()
                : Arrays.stream(urls.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(list));
    }

    boolean flag(String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
