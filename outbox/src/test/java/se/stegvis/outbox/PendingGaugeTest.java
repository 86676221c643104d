package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingGaugeTest {

    /** Far longer than the gauge's wait, as the driver's server selection (30 s) is: a scrape must not wait for it. */
    private static final Duration STUCK = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofMillis(200);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger counts = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void a_count_that_answers_is_the_value() {
        PendingGauge gauge = new PendingGauge(() -> 7, executor, WAIT);

        assertThat(gauge.value()).isEqualTo(7);
    }

    @Test
    void a_count_that_fails_is_unknown() {
        PendingGauge gauge = new PendingGauge(() -> {
            throw new IllegalStateException("MongoDB away");
        }, executor, WAIT);

        assertThat(gauge.value()).isNaN();
    }

    @Test
    void a_count_that_does_not_answer_is_unknown_after_the_wait_and_is_joined_not_started_again() {
        PendingGauge gauge = new PendingGauge(this::stuckCount, executor, WAIT);

        assertTimeoutPreemptively(STUCK.dividedBy(2), () -> {
            assertThat(gauge.value()).isNaN();
            assertThat(gauge.value()).isNaN();
        });
        assertThat(counts).as("counts started while the first had not answered").hasValue(1);

        release.countDown(); // the store answers again
        assertThat(gauge.value()).as("the first count's answer, or a new one").isEqualTo(3);
    }

    @Test
    void once_the_relay_has_stopped_the_backlog_is_unknown() {
        PendingGauge gauge = new PendingGauge(() -> 7, executor, WAIT);
        executor.shutdown();

        assertThat(gauge.value()).isNaN();
    }

    private long stuckCount() {
        counts.incrementAndGet();
        try {
            release.await(STUCK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 3;
    }
}
