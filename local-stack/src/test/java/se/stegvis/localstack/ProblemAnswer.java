package se.stegvis.localstack;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import se.stegvis.localstack.ServiceCalls.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What every refusal must look like (decision 0003): a 4xx, {@code application/problem+json} with RFC 9457's {@code type},
 * {@code title}, {@code status} and {@code detail}, the field at fault in {@code field} and among {@code errors}, a
 * {@code Retry-After} where the participant is not known yet, and no personal value of the request echoed back.
 */
final class ProblemAnswer {

    private ProblemAnswer() {
    }

    static void check(SoftAssertions softly, Probe probe, Reply reply, List<String> neverEchoed) {
        String request = probe.describe() + "\n    answered " + reply.describe();
        softly.assertThat(reply.status()).as("status of %s", request).isBetween(400, 499);
        if (probe.status() != null) {
            softly.assertThat(reply.status()).as("status of %s", request).isEqualTo(probe.status());
        }
        softly.assertThat(reply.contentType()).as("content type of %s", request).startsWith("application/problem+json");
        JsonNode body;
        try {
            body = reply.json();
        } catch (RuntimeException notJson) {
            softly.fail("the answer to %s is not JSON", request);
            return;
        }
        softly.assertThat(body.path("type").asString("")).as("type of %s", request).startsWith("https://");
        softly.assertThat(body.path("title").asString("")).as("title of %s", request).isNotBlank();
        softly.assertThat(body.path("detail").asString("")).as("detail of %s", request).isNotBlank();
        softly.assertThat(body.path("status").asInt()).as("status member of %s", request).isEqualTo(reply.status());
        if (probe.pointer() != null) {
            softly.assertThat(body.path("field").asString(null)).as("field of %s", request).isEqualTo(probe.pointer());
            softly.assertThat(body.path("errors").valueStream().map(e -> e.path("pointer").asString()))
                    .as("errors of %s", request).contains(probe.pointer());
            softly.assertThat(body.path("errors").valueStream().map(e -> e.path("detail").asString("")))
                    .as("error details of %s", request).allMatch(detail -> !detail.isBlank());
        }
        if (reply.body().contains("not-known-yet")) {
            softly.assertThat(reply.header("Retry-After")).as("Retry-After of %s", request).isNotBlank();
        }
        for (String value : neverEchoed) {
            softly.assertThat(reply.body()).as("the answer to %s echoes a personal value", request).doesNotContain(value);
        }
    }
}
