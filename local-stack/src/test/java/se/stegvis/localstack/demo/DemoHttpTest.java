package se.stegvis.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import se.stegvis.localstack.IssuerTokens;

class DemoHttpTest {

    private final DemoHttp http = new DemoHttp(Duration.ofSeconds(10));

    @Test
    void a_not_known_yet_is_sent_again_after_its_retry_after_until_the_participant_is_known() {
        AtomicInteger calls = new AtomicInteger();
        try (FakeService activities = new FakeService(request -> calls.incrementAndGet() <= 2
                ? FakeService.Reply.notKnownYet("0") : FakeService.Reply.json(201, "{\"activityId\": \"a-1\"}"))) {

            DemoHttp.Answer answer = http.post(activities.uri(), "/api/participants/p-1/activities",
                    Map.of("type", "DIGITAL_GUIDANCE"), "key-1");

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.text("activityId")).isEqualTo("a-1");
            assertThat(activities.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(request.idempotencyKey()).isEqualTo("key-1");
                assertThat(request.body()).isEqualTo("{\"type\":\"DIGITAL_GUIDANCE\"}");
            });
        }
    }

    @Test
    void another_not_found_is_final_and_fails_with_the_problems_detail() {
        try (FakeService outcomes = new FakeService(request -> FakeService.Reply.json(404,
                "{\"type\": \"https://stegvis.se/problems/not-found\", \"detail\": \"No outcome with id o-9\"}"))) {

            DemoHttp.Answer answer = http.delete(outcomes.uri(), "/api/outcomes/o-9");

            assertThat(outcomes.requests()).hasSize(1);
            assertThatThrownBy(() -> answer.expect("Retraction", 204)).isInstanceOf(DemoLoadFailed.class)
                    .hasMessage("Retraction answered 404: No outcome with id o-9");
        }
    }

    @Test
    void signed_in_it_sends_the_identitys_token_and_awaiting_a_membership_sends_a_refusal_again() {
        AtomicInteger calls = new AtomicInteger();
        try (FakeService issuer = new FakeService(request -> FakeService.Reply.json(200,
                "{\"access_token\": \"token-of-ostra-staff\", \"token_type\": \"Bearer\", \"expires_in\": 900}"));
             FakeService activities = new FakeService(request -> calls.incrementAndGet() <= 2
                     ? new FakeService.Reply(calls.get() == 1 ? 403 : 404, "{}", "0")
                     : FakeService.Reply.json(201, "{\"activityId\": \"a-1\"}"))) {
            DemoHttp staff = new DemoHttp(Duration.ofSeconds(10), new IssuerTokens(issuer.uri().toString()))
                    .as("ostra-staff").awaitingMembership();

            DemoHttp.Answer answer = staff.post(activities.uri(), "/api/participants/p-1/activities", Map.of(), "key-1");

            assertThat(answer.status()).isEqualTo(201);
            assertThat(activities.requests()).hasSize(3)
                    .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer token-of-ostra-staff"));
            assertThat(issuer.requests()).singleElement().satisfies(request -> {
                assertThat(request.path()).isEqualTo("/oauth2/token");
                assertThat(request.body()).isEqualTo("grant_type=client_credentials");
                assertThat(request.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("ostra-staff:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            });
        }
    }

    @Test
    void a_participant_still_unknown_after_the_patience_is_answered_as_it_stands() {
        DemoHttp impatient = new DemoHttp(Duration.ofMillis(300));
        try (FakeService outcomes = new FakeService(request -> FakeService.Reply.notKnownYet("0"))) {

            DemoHttp.Answer answer = impatient.get(outcomes.uri(), "/api/participants/p-1/outcomes");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(outcomes.requests().size()).isGreaterThan(1);
        }
    }

    @Test
    void a_service_that_does_not_answer_is_named_with_how_to_start_the_stack() throws IOException {
        URI nobody;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        assertThatThrownBy(() -> http.get(nobody, "/api/projects/23-073-S03")).isInstanceOf(DemoLoadFailed.class)
                .hasMessageContaining(nobody + " does not answer").hasMessageContaining("./mvnw -Pstack");
    }
}
