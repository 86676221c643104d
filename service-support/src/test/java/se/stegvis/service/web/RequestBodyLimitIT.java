package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bodies over the limit, declared or streamed, are a 413 problem at the whole body; bodies within it are read. */
class RequestBodyLimitIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ProblemResponses.class, Commands.class})
    static class AnyService {
    }

    @RestController
    static class Commands {

        @PostMapping("/api/commands")
        Map<String, Integer> take(@RequestBody Map<String, String> command) {
            return Map.of("characters", command.get("text").length());
        }
    }

    private static ConfigurableApplicationContext service;
    private static URI commands;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(AnyService.class).properties("server.port=0", "spring.main.banner-mode=off").run();
        commands = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/api/commands");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_body_of_exactly_the_limit_is_read() throws Exception {
        byte[] body = command(RequestBodyLimit.MAX_BYTES);

        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"characters\":" + (RequestBodyLimit.MAX_BYTES - 12));
    }

    @Test
    void a_body_one_byte_over_the_limit_is_a_413_problem_at_the_whole_body() throws Exception {
        assertTooLarge(post(HttpRequest.BodyPublishers.ofByteArray(command(RequestBodyLimit.MAX_BYTES + 1))));
    }

    @Test
    void a_streamed_body_without_a_declared_length_is_refused_once_it_passes_the_limit() throws Exception {
        byte[] body = command(RequestBodyLimit.MAX_BYTES * 3);

        assertTooLarge(post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** {@code {"text":"xxx…"}} of exactly this many bytes. */
    private static byte[] command(int bytes) {
        return ("{\"text\":\"" + "x".repeat(bytes - 12) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(commands).header("Content-Type", "application/json").POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"\"", "\"type\":\"" + ProblemResponses.TYPES + "body-too-large\"")
                .doesNotContain("xxxx");
    }
}
