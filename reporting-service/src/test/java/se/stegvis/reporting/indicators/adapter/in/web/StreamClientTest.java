package se.stegvis.reporting.indicators.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A slow client holds up no one and gets the latest view when it catches up; a broken one is let go. */
class StreamClientTest {

    private final ExecutorService senders = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    /** An emitter whose client reads nothing until released, and which keeps what it was given. */
    static final class SlowEmitter extends SseEmitter {
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean broken;

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writing.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (broken) {
                throw new IOException("Broken pipe");
            }
            sent.add(event.build().stream().map(part -> part.getData().toString()).collect(Collectors.joining()));
        }
    }

    private static StreamClient.Outgoing view(String json, String... changed) {
        return new StreamClient.Outgoing(Set.of(changed), json);
    }

    @Test
    void a_client_that_is_behind_gets_the_latest_view_with_every_change_named_once_it_reads_again() throws InterruptedException {
        SlowEmitter emitter = new SlowEmitter();
        StreamClient client = new StreamClient(emitter, out -> out.changed() + " " + out.view(), senders, () -> { });

        client.offer(view("v1", "a"));
        assertThat(emitter.writing.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        client.offer(view("v2", "b"));
        client.offer(StreamClient.Outgoing.HEARTBEAT);
        client.offer(view("v3", "c"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("offering never waits for the client").isLessThan(Duration.ofSeconds(1));
        emitter.released.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> emitter.sent.size() >= 2);
        assertThat(emitter.sent).hasSize(2);
        assertThat(emitter.sent.get(0)).contains("[a] v1");
        assertThat(emitter.sent.get(1)).contains("[b, c] v3");
    }

    @Test
    void a_heartbeat_is_a_comment_and_gives_way_to_a_view() {
        SlowEmitter emitter = new SlowEmitter();
        emitter.released.countDown();
        StreamClient client = new StreamClient(emitter, out -> out.view(), senders, () -> { });

        client.offer(StreamClient.Outgoing.HEARTBEAT);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> emitter.sent.size() == 1);
        assertThat(emitter.sent.get(0)).isEqualTo(":heartbeat\n\n");
    }

    @Test
    void a_client_whose_connection_broke_is_let_go_and_written_to_no_more() {
        SlowEmitter emitter = new SlowEmitter();
        emitter.broken = true;
        emitter.released.countDown();
        AtomicBoolean gone = new AtomicBoolean();
        StreamClient client = new StreamClient(emitter, out -> out.view(), senders, () -> gone.set(true));

        client.offer(view("v1", "a"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilTrue(gone);
        emitter.broken = false;
        client.offer(view("v2", "b"));

        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> emitter.sent.isEmpty());
    }
}
