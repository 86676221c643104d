package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed and hostile requests against every service's endpoints, generated from the tables of
 * {@link HostileBodies} and {@link HostileRequests}: each must be refused with a 4xx problem+json that points at the
 * field at fault, and none may store or publish anything. Every failure is reported at once, with its request. The
 * probes carry a valid token of the sweep project's staff (a project definition, of {@code integrator}), so they reach
 * the rules behind sign-in; {@link UnsignedRequests} then sends requests without a token or with a bad one, each a
 * 401 problem.
 */
@ExtendWith(SharedStack.class)
@Order(2)
class BadInputSweepIT {

    @Test
    void every_bad_request_is_a_4xx_problem_that_names_the_field_at_fault_and_stores_and_publishes_nothing(SharedStack.Running stack)
            throws Exception {
        SweepFixture fixture = new SweepFixture(stack.urls());
        fixture.setUp();
        List<Probe> probes = new ArrayList<>(new HostileBodies(fixture).all());
        probes.addAll(new HostileRequests(fixture).all());
        assertThat(probes).hasSizeGreaterThanOrEqualTo(200);
        StoreFingerprint before = settled(stack);

        SoftAssertions softly = new SoftAssertions();
        List<String> neverEchoed = Stream.of(SweepFixture.PERSON, SweepFixture.OTHER)
                .flatMap(person -> Stream.concat(person.names().stream(), person.numberForms().stream())).toList();
        for (Probe probe : probes) {
            ProblemAnswer.check(softly, probe, probe.send(fixture.callerOf(probe)), neverEchoed);
        }
        List<Probe> unsigned = new UnsignedRequests(fixture).all();
        for (Probe probe : unsigned) {
            ProblemAnswer.check(softly, probe, probe.send(fixture.as.nobody()), neverEchoed);
        }

        try {
            await("nothing stored or published").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(StoreFingerprint.of(stack)).as("topics and databases after the sweep")
                            .isEqualTo(before));
        } catch (ConditionTimeoutException changed) {
            softly.fail(changed.getMessage());
        }
        System.out.printf("[BadInputSweepIT] %d requests sent signed in, %d without a valid token%n", probes.size(), unsigned.size());
        softly.assertAll();
    }

    /**
     * The stores once the fixture's own events have gone everywhere: every consumer has committed to the end (so
     * reporting-service has written them), and nothing changed between two looks a second apart.
     */
    private static StoreFingerprint settled(SharedStack.Running stack) {
        AtomicReference<StoreFingerprint> last = new AtomicReference<>();
        await("the stores to settle").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            StoreFingerprint now = StoreFingerprint.of(stack);
            return now.equals(last.getAndSet(now)) && StoreFingerprint.consumersCaughtUp(stack);
        });
        return last.get();
    }
}
