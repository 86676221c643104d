package se.stegvis.registry;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testsupport.SharedKafka;

/**
 * This module's registry started for real on the shared broker, on a topic of the caller's choosing, with one user
 * ({@link #USER_INFO}) whose password is new in every test run.
 */
public final class RunningRegistry implements AutoCloseable {

    public static final String USER = "stegvis-test";
    public static final String USER_INFO = USER + ":" + randomSecret();

    private final ConfigurableApplicationContext context;

    private RunningRegistry(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningRegistry start(String topic) {
        return startWith(topic, "--stegvis.registry.users=" + USER_INFO);
    }

    /** Started with these arguments and no user of its own. */
    public static RunningRegistry startWith(String topic, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--stegvis.registry.topic=" + topic));
        all.addAll(List.of(arguments));
        return new RunningRegistry(new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .run(all.toArray(String[]::new)));
    }

    static String randomSecret() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
