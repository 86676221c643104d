package se.stegvis.registry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testsupport.SharedKafka;

/** This module's registry started for real on the shared broker, on a topic of the caller's choosing. */
public final class RunningRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningRegistry(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningRegistry start(String topic) {
        return new RunningRegistry(new SpringApplicationBuilder(SchemaRegistryApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--stegvis.registry.topic=" + topic));
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
