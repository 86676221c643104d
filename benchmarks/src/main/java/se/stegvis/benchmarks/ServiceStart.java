package se.stegvis.benchmarks;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one of the project's applications in the benchmark's JVM with its own {@code application.yml}. Every service
 * has one at the root of its classpath, and a JVM holding several services would otherwise give each the first one
 * found (all of them would run with participant-service's settings, reporting-service without its projection's).
 */
final class ServiceStart {

    private ServiceStart() {
    }

    static ConfigurableApplicationContext run(Class<?> application, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--spring.config.location=" + ownConfiguration(application)));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(application).run(all.toArray(String[]::new));
    }

    /** The {@code application.yml} beside the application's class: in its jar, or in its classes directory. */
    static String ownConfiguration(Class<?> application) {
        URL root = application.getProtectionDomain().getCodeSource().getLocation();
        String location = root.toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yml"
                : (location.endsWith("/") ? location : location + "/") + "application.yml";
    }
}
