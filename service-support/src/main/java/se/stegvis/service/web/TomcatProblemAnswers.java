package se.stegvis.service.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat refuses some requests itself, before any application sees them: a malformed URI (an encoded '/' or '\', a
 * NUL, a path above the root) or headers too large. Its host then writes an HTML error page. This puts
 * {@link ProblemReportValve} in place of every other error report valve of the host, so those answers are
 * problem+json as well. It is done just before the application starts, when Spring Boot has added its own valve.
 */
public class TomcatProblemAnswers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
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
