package se.stegvis.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Stegvis schema registry: Confluent's Schema Registry REST API over a compacted Kafka topic. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SchemaRegistryConfiguration.class)
public class SchemaRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchemaRegistryApplication.class, args);
    }
}
