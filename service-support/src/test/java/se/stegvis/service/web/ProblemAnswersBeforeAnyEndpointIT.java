package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Requests that Tomcat or the servlet container refuse before any endpoint sees them, on a real embedded Tomcat with
 * what every service imports: each answer is problem+json like every other refusal, and echoes nothing of the request.
 */
class ProblemAnswersBeforeAnyEndpointIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProblemResponses.class)
    static class AnyService {
    }

    private static ConfigurableApplicationContext service;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(AnyService.class).properties("server.port=0", "spring.main.banner-mode=off").run();
        base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_malformed_uri_refused_by_tomcat_is_a_400_problem() throws Exception {
        for (String path : new String[] {"/api/projects/..%2F..%2Fetc%2Fpasswd", "/api/participants/%00", "/a%5Cb",
                "/api/../../etc/passwd"}) {
            assertProblem(send(HttpRequest.newBuilder(URI.create(base + path))), 400);
        }
    }

    @Test
    void headers_too_large_are_a_400_problem() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(base + "/api/projects")).header("X-Stegvis-User", "u".repeat(20_000))), 400);
    }

    @Test
    void what_the_container_refuses_inside_the_application_is_a_problem_too() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(base + "/WEB-INF/web.xml"))), 404);
        HttpResponse<String> trace = send(HttpRequest.newBuilder(URI.create(base + "/api/projects")).method("TRACE",
                HttpRequest.BodyPublishers.noBody()));
        assertProblem(trace, 405);
        assertThat(trace.body()).as("the path asked for, not the error page's").contains("\"instance\":\"/api/projects\"");
    }

    /**
     * A body refused before it is read (here: no endpoint; in the services an unknown field at its start) is read to
     * its end after the answer, up to 16 MiB, and the connection stays open. Tomcat's default, 2 MiB, closes it with
     * the rest unread: the client's unsent bytes then meet a reset, which can destroy the answer on its way.
     */
    @Test
    void a_5_mib_body_refused_before_it_is_read_leaves_the_answer_and_the_connection_whole() throws Exception {
        byte[] body = "x".repeat(5 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", service.getEnvironment().getProperty("local.server.port", Integer.class))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/nothing-here HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answers.split("HTTP/1.1 404", -1)).as("both requests answered on the one connection: %s", answers).hasSize(3);
            assertThat(answers).contains("application/problem+json");
        }
    }

    @Test
    void an_unknown_path_stays_a_404_problem() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(base + "/api/nothing-here"))), 404);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"type\":\"" + ProblemResponses.TYPES, "\"title\":", "\"detail\":", "\"status\":" + status)
                .doesNotContain("passwd", "uuuu", "<html");
    }
}
