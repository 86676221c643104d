package se.stegvis.reporting.indicators.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A client that reads slowly holds up no one and gets the latest view when it catches up; one that takes nothing
 * for the send timeout is stalled; a broken one is let go. No thread waits on a client: writes are non-blocking.
 */
class StreamClientTest {

    /** A connection that takes writes only while {@code ready}, and keeps what it took. */
    static final class FakeConnection implements StreamClient.Connection {
        volatile boolean ready = true;
        volatile boolean broken;
        volatile boolean closed;
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            sent.add(new String(bytes, StandardCharsets.UTF_8));
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

    @Test
    void a_client_that_is_behind_gets_the_latest_view_with_every_change_named_once_it_reads_again() {
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
}
