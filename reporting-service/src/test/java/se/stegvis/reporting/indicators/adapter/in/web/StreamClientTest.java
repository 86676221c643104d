package se.stegvis.reporting.indicators.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A client that reads slowly holds up no one and gets the latest view when it catches up; one that takes nothing
 * for the send timeout is stalled; a broken one is let go. No thread waits on a client: writes are non-blocking,
 * begin only once the container has said the connection is writable, and every frame is flushed once it may be.
 */
class StreamClientTest {

    /**
     * A connection that takes writes and flushes only while {@code ready} (as a servlet container in non-blocking
     * mode, which refuses them otherwise), holds what was written until flushed, and keeps what it sent.
     */
    static final class FakeConnection implements StreamClient.Connection {
        volatile boolean ready = true;
        volatile boolean broken;
        volatile boolean closed;
        /** The socket takes only part of each write at once: the connection is busy until the container calls back. */
        volatile boolean busyAfterEachWrite;
        final StringBuilder held = new StringBuilder();
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (!ready) {
                throw new IllegalStateException("written while not ready");
            }
            if (broken) {
                throw new IOException("Broken pipe");
            }
            held.append(new String(bytes, StandardCharsets.UTF_8));
            ready = !busyAfterEachWrite;
        }

        @Override
        public void flush() {
            if (!ready) {
                throw new IllegalStateException("flushed while not ready");
            }
            if (!held.isEmpty()) {
                sent.add(held.toString());
                held.setLength(0);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final FakeConnection connection = new FakeConnection();
    private final AtomicLong now = new AtomicLong(1_000);
    private final StreamClient client = new StreamClient("someone", connection, out -> out.changed() + " " + out.view(), now::get);

    private static StreamClient.Outgoing view(String json, String... changed) {
        return new StreamClient.Outgoing(Set.of(changed), json);
    }

    /** The container's first onWritePossible, once it has set up the non-blocking output. */
    private void containerReady() {
        client.writable();
    }

    @Test
    void nothing_is_written_before_the_container_says_the_connection_is_writable_and_then_the_latest_view_goes() {
        client.offer(view("v1", "a"));
        client.offer(view("v2", "b"));
        assertThat(connection.sent).isEmpty();
        assertThat(connection.held).isEmpty();

        containerReady();

        assertThat(connection.sent).containsExactly("retry:3000\nevent:indicators\ndata:[a, b] v2\n\n");
    }

    @Test
    void a_frame_the_connection_could_not_take_at_once_is_flushed_when_it_is_writable_again_though_nothing_new_comes() {
        containerReady();
        connection.busyAfterEachWrite = true;
        client.offer(view("v1", "a"));
        assertThat(connection.sent).as("the container holds the frame's end").isEmpty();

        connection.ready = true;
        client.writable();

        assertThat(connection.sent).containsExactly("retry:3000\nevent:indicators\ndata:[a] v1\n\n");
    }

    @Test
    void a_client_the_container_never_lets_write_is_stalled_after_the_send_timeout() {
        client.offer(view("v1", "a"));
        now.addAndGet(5_001);
        assertThat(client.stalledFor(5_000)).isTrue();
    }

    @Test
    void a_client_that_is_behind_gets_the_latest_view_with_every_change_named_once_it_reads_again() {
        containerReady();
        client.offer(view("v1", "a"));
        connection.ready = false;
        client.offer(view("v2", "b"));
        client.offer(StreamClient.Outgoing.HEARTBEAT);
        client.offer(view("v3", "c"));
        assertThat(connection.sent).hasSize(1);

        connection.ready = true;
        client.writable();

        assertThat(connection.sent).hasSize(2);
        assertThat(connection.sent.get(0)).isEqualTo("retry:3000\nevent:indicators\ndata:[a] v1\n\n");
        assertThat(connection.sent.get(1)).isEqualTo("event:indicators\ndata:[b, c] v3\n\n");
    }

    @Test
    void a_heartbeat_is_a_comment_and_gives_way_to_a_view() {
        containerReady();
        client.offer(StreamClient.Outgoing.HEARTBEAT);
        connection.ready = false;
        client.offer(StreamClient.Outgoing.HEARTBEAT);
        client.offer(view("v1", "a"));
        connection.ready = true;
        client.writable();

        assertThat(connection.sent).containsExactly(":heartbeat\n\n", "retry:3000\nevent:indicators\ndata:[a] v1\n\n");
    }

    @Test
    void a_client_that_takes_nothing_while_a_view_waits_is_stalled_after_the_send_timeout_and_not_before() {
        containerReady();
        client.offer(view("v1", "a"));
        assertThat(client.stalledFor(5_000)).as("nothing waits").isFalse();
        connection.ready = false;
        client.offer(view("v2", "b"));
        now.addAndGet(5_000);
        assertThat(client.stalledFor(5_000)).isFalse();
        now.addAndGet(1);
        assertThat(client.stalledFor(5_000)).isTrue();

        connection.ready = true;
        client.writable();
        assertThat(client.stalledFor(5_000)).as("it read again").isFalse();
    }

    @Test
    void a_client_whose_connection_broke_is_let_go_once_and_written_to_no_more() {
        containerReady();
        AtomicLong gone = new AtomicLong();
        client.onGone(gone::incrementAndGet);
        connection.broken = true;

        client.offer(view("v1", "a"));
        connection.broken = false;
        client.offer(view("v2", "b"));
        client.close();

        assertThat(gone.get()).isEqualTo(1);
        assertThat(connection.closed).isTrue();
        assertThat(connection.sent).isEmpty();
    }

    @Test
    void closing_ends_the_response_and_tells_once() {
        AtomicBoolean told = new AtomicBoolean();
        client.onGone(() -> assertThat(told.getAndSet(true)).as("told twice").isFalse());
        client.close();
        client.close();
        assertThat(told).isTrue();
        assertThat(connection.closed).isTrue();
    }

    /**
     * The container recycles a response once it has ended (its onComplete, onError or onTimeout, or our own
     * complete), and hands the same objects to the next request, maybe on another connection; a write that lands
     * after that breaks a stranger's response. So the end waits for a write under way, and nothing touches the
     * connection after it.
     */
    @Test
    void the_end_waits_for_a_write_under_way_and_nothing_touches_the_connection_after_it() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finishWrite = new CountDownLatch(1);
        StreamClient.Connection slow = new StreamClient.Connection() {
            @Override
            public boolean ready() {
                calls.add("ready");
                return true;
            }

            @Override
            public void write(byte[] bytes) {
                calls.add("write begins");
                writing.countDown();
                try {
                    finishWrite.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calls.add("write ends");
            }

            @Override
            public void flush() {
                calls.add("flush");
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        StreamClient writer = new StreamClient("someone", slow, out -> out.view(), now::get);
        writer.writable();
        Thread producer = new Thread(() -> writer.offer(view("v1", "a")), "producer");
        producer.start();
        writing.await();

        Thread container = new Thread(writer::close, "container");
        container.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                container.getState() == Thread.State.BLOCKED || container.getState() == Thread.State.TERMINATED);
        finishWrite.countDown();
        producer.join();
        container.join();

        assertThat(calls).contains("write ends", "close");
        assertThat(calls.subList(calls.indexOf("write begins"), calls.indexOf("write ends") + 1))
                .as("the response ended while a write was under way").doesNotContain("close");
        assertThat(calls.get(calls.size() - 1)).as("touched after the end: %s", calls).isEqualTo("close");
    }
}
