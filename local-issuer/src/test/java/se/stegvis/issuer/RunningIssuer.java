package se.stegvis.issuer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The issuer started for real on a free port, as the local stack starts it, with the caller's arguments. */
final class RunningIssuer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningIssuer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningIssuer start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(arguments));
        return new RunningIssuer(new SpringApplicationBuilder(LocalIssuerApplication.class).run(all.toArray(String[]::new)));
    }

    /** Where it answers, which is not its issuer URL unless the caller made it so. */
    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
