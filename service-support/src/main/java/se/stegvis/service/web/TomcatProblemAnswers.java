package se.stegvis.service.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat refuses some requests itself, before any application sees them: a malformed URI (an encoded '/' or '\', a
 * NUL, a path above the root) or headers too large. Its host then writes an HTML error page. This puts
 * {@link ProblemReportValve} in place of every other error report valve of the host, so those answers are
 * problem+json as well. It is done just before the application starts, when Spring Boot has added its own valve.
 * And a refused body is read to its end (up to {@link #MAX_SWALLOW_BYTES}) so that the refusal reaches the client.
 */
public class TomcatProblemAnswers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    /**
     * How much of a body refused before it was read Tomcat reads and discards after the answer, keeping the
     * connection: bodies here are a few kB, and the sweep's hostile ones 5 MiB. Beyond it Tomcat closes the
     * connection with bytes unread, and the reset that follows can destroy the answer before the client reads it.
     */
    static final int MAX_SWALLOW_BYTES = 16 * 1024 * 1024;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(MAX_SWALLOW_BYTES);
            }
        });
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                answerAsProblems(context.getParent());
            }
        }));
    }

    static void answerAsProblems(Container host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemReportValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemReportValve());
        }
    }
}
