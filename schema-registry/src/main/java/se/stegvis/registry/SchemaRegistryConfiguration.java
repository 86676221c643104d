package se.stegvis.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import se.stegvis.registry.adapter.in.web.CompatibilityController;
import se.stegvis.registry.adapter.in.web.ConfigController;
import se.stegvis.registry.adapter.in.web.ConfluentErrors;
import se.stegvis.registry.adapter.in.web.RegistrySecurity;
import se.stegvis.registry.adapter.in.web.RequestBodyLimit;
import se.stegvis.registry.adapter.in.web.SubjectNameCheck;
import se.stegvis.registry.adapter.in.web.RootController;
import se.stegvis.registry.adapter.in.web.SchemasController;
import se.stegvis.registry.adapter.in.web.SubjectVersionsController;
import se.stegvis.registry.adapter.in.web.SubjectsController;
import se.stegvis.registry.adapter.out.kafka.KafkaSchemaLog;
import se.stegvis.registry.adapter.out.kafka.SchemaLogReader;
import se.stegvis.registry.adapter.out.kafka.SchemaTopic;
import se.stegvis.registry.application.RegistryCommands;
import se.stegvis.registry.domain.CompatibilityTest;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.Registry;

/**
 * The registry's wiring, spelled out: the topic is made sure of, the reader has read the whole log before any
 * controller exists, writes go through the log, and only configured users may write (see {@link RegistrySecurity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RegistryProperties.class, RegistryAccessProperties.class})
@Import({SubjectsController.class, SubjectVersionsController.class, SchemasController.class, ConfigController.class,
        CompatibilityController.class, RootController.class, ConfluentErrors.class, RegistrySecurity.class,
        RequestBodyLimit.class, SubjectNameCheck.class})
public class SchemaRegistryConfiguration {

    @Bean
    Registry registry(RegistryProperties properties) {
        return new Registry(properties.defaultCompatibility());
    }

    @Bean(destroyMethod = "stop")
    SchemaLogReader schemaLogReader(@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String kafka,
            RegistryProperties properties, Registry registry) {
        new SchemaTopic(kafka, properties.topic(), properties.topicReplicationFactor()).ensureExists();
        SchemaLogReader reader = new SchemaLogReader(kafka, properties.topic(), registry);
        reader.start(properties.startupTimeout());
        return reader;
    }

    @Bean
    KafkaSchemaLog schemaLog(@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String kafka,
            RegistryProperties properties, SchemaLogReader reader) {
        return new KafkaSchemaLog(kafka, properties.topic(), reader, properties.timeout());
    }

    @Bean
    RegistryCommands registryCommands(Registry registry, KafkaSchemaLog schemaLog) {
        return new RegistryCommands(registry, schemaLog);
    }

    @Bean
    Lookup lookup(Registry registry, SchemaLogReader caughtUp) {
        return new Lookup(registry);
    }

    @Bean
    CompatibilityTest compatibilityTest(Registry registry, SchemaLogReader caughtUp) {
        return new CompatibilityTest(registry);
    }
}
