package se.stegvis.consumer;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets a service import several binding files: each names its batch function under
 * {@value #FUNCTIONS}{@code .<binding file>} (e.g. {@code stegvis.consumer.functions.replica: participantReplica}),
 * and this joins them, with {@code ;}, into {@code spring.cloud.function.definition}, which Spring Cloud Stream binds
 * and which a second file setting it directly would replace, not extend (an imported file overrides the one before).
 * A definition set anywhere else (a service's own, a test's argument) still wins: it is added with the lowest
 * precedence. An empty name leaves a function out.
 */
public final class ConsumerFunctions implements EnvironmentPostProcessor, Ordered {

    static final String FUNCTIONS = "stegvis.consumer.functions";
    static final String DEFINITION = "spring.cloud.function.definition";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> functions = Binder.get(environment).bind(FUNCTIONS, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        String definition = new TreeMap<>(functions).values().stream().map(String::strip).filter(name -> !name.isEmpty())
                .distinct().collect(Collectors.joining(";"));
        if (!definition.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("stegvisConsumerFunctions", Map.of(DEFINITION, definition)));
        }
    }

    /** After the configuration files and their imports are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
