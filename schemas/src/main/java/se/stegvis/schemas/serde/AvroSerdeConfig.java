package se.stegvis.schemas.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

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
    /**
     * Where the registry's HTTP Basic credentials come from: {@code URL} (the default, as in Confluent: the userinfo
     * of {@link #SCHEMA_REGISTRY_URL}, if any) or {@code USER_INFO} ({@link #BASIC_AUTH_USER_INFO}).
     */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for the registry, used with {@code basic.auth.credentials.source=USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /**
     * The two settings that make the serde send {@code userInfo} ("user:password") to the registry, to add to a
     * producer's or consumer's properties; none for a null or blank {@code userInfo}.
     */
    public static Map<String, Object> basicAuth(String userInfo) {
        if (userInfo == null || userInfo.isBlank()) {
            return Map.of();
        }
        return Map.of(BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", BASIC_AUTH_USER_INFO, userInfo.strip());
    }

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
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(list, userInfo()));
    }

    /**
     * A copy of a client configuration fit to print: the registry's {@code basic.auth.user.info} shown as
     * {@code [hidden]}, as Kafka shows its own passwords.
     */
    public static Map<String, Object> printable(Map<String, ?> config) {
        Map<String, Object> copy = new java.util.TreeMap<>(config);
        copy.computeIfPresent(BASIC_AUTH_USER_INFO, (key, value) -> "[hidden]");
        return copy;
    }

    /** The USER_INFO credentials, or null for the URL source. Messages never show the value: it holds a password. */
    private String userInfo() {
        Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        String name = source == null ? "URL" : source.toString().strip().toUpperCase(Locale.ROOT);
        if (name.equals("URL")) {
            return null;
        }
        if (!name.equals("USER_INFO")) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " must be URL or USER_INFO (SASL_INHERIT is not"
                    + " supported by this serde), not " + name);
        }
        Object value = configs.get(BASIC_AUTH_USER_INFO);
        String userInfo = value instanceof Password password ? password.value() : value == null ? null : value.toString();
        if (userInfo == null || userInfo.indexOf(':') <= 0) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE
                    + " is USER_INFO (the value is not shown: it holds a password)");
        }
        return userInfo;
    }

    boolean flag(String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
