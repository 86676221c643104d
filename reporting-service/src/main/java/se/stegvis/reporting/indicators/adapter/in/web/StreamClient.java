package se.stegvis.reporting.indicators.adapter.in.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One open stream. Whoever has something for it only drops it into a one-item slot and writes what the connection
 * takes without waiting: a slot already holding a view is overwritten by the newer one (the changed project ids are
 * merged), so a client that reads slowly gets the latest view when it catches up, never a backlog, and never holds up
 * the projection, a thread or the other clients.
 *
 * <p>Writes are non-blocking. Nothing is written before the container's first {@link #writable()} call (its
 * {@code onWritePossible} once the listener is registered): until then what arrives waits in the slot. After that a
 * frame is written only while {@link Connection#ready()}, and flushed as soon as the connection is ready again, also
 * when nothing new follows (the container may hold the end of a frame in its own buffer until flushed). When the
 * connection is not ready the container calls {@link #writable()} once it is. A client that has taken nothing for the
 * send timeout while bytes wait for it is {@linkplain #stalledFor(long) stalled} and dropped by {@link IndicatorStream}.
 * Every touch of the connection, the end included, happens under this object's lock, so writes from the reader, the
 * timer and the container's callbacks never overlap, and none comes after the end.
 */
final class StreamClient {

    static final String EVENT = "indicators";
    private static final long RETRY_MILLIS = 3000;

    /** A view to send (with the projects it changed) or, when {@code view} is null, only a heartbeat. */
    record Outgoing(Set<String> changed, String view) {

        static final Outgoing HEARTBEAT = new Outgoing(Set.of(), null);

        Outgoing merge(Outgoing newer) {
            if (newer.view == null) {
                return this.view == null ? newer : this;
            }
            Set<String> union = new TreeSet<>(newer.changed);
            if (this.view != null) {
                union.addAll(this.changed);
            }
            return new Outgoing(union, newer.view);
        }
    }

    /** The response, written without blocking. */
    interface Connection {
        /** Whether a write now would be taken at once; when false, the container calls back once it would. */
        boolean ready() throws IOException;

        /** Writes; the container may keep some of the bytes in its buffer until {@link #flush()}. */
        void write(byte[] bytes) throws IOException;

        /** Sends what the container still holds; only called while {@link #ready()}. */
        void flush() throws IOException;

        /** Ends the response; the container closes a connection that takes nothing. */
        void close();
    }

    private final String subject;
    private final Connection connection;
    private final Function<Outgoing, String> data;
    private final LongSupplier clock;
    private final AtomicReference<Outgoing> slot = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean firstEvent = true;
    /** Whether the container has called {@link #writable()} yet: before that nothing is written. */
    private boolean started;
    /** Whether something was written and not yet flushed. */
    private boolean unflushed;
    /** When a write was last waiting for the connection (clock millis), 0 while nothing waits. */
    private volatile long waitingSince;
    private Runnable gone = () -> { };

    StreamClient(String subject, Connection connection, Function<Outgoing, String> data, LongSupplier clock) {
        this.subject = subject;
        this.connection = connection;
        this.data = data;
        this.clock = clock;
    }

    /** Run once when the client is let go, whatever the reason. */
    void onGone(Runnable gone) {
        this.gone = gone;
    }

    String subject() {
        return subject;
    }

    void offer(Outgoing outgoing) {
        slot.accumulateAndGet(outgoing, (held, newer) -> held == null ? newer : held.merge(newer));
        pump();
    }

    /** The container's call ({@code onWritePossible}): the connection takes more now. */
    synchronized void writable() {
        started = true;
        pump();
    }

    /** Whether bytes have waited longer than {@code millis} for a connection that takes nothing. */
    boolean stalledFor(long millis) {
        long since = waitingSince;
        return since != 0 && clock.getAsLong() - since > millis;
    }

    private synchronized void pump() {
        if (closed.get()) {
            return;
        }
        try {
            while (true) {
                boolean waiting = started ? !connection.ready() : slot.get() != null;
                if (!started || waiting) {
                    // Not writable yet, or bytes still wait for the client: writable() comes when they may go.
                    if (waiting && waitingSince == 0) {
                        waitingSince = clock.getAsLong();
                    }
                    return;
                }
                waitingSince = 0;
                if (unflushed) {
                    unflushed = false;
                    connection.flush();
                    continue;
                }
                Outgoing next = slot.getAndSet(null);
                if (next == null) {
                    return;
                }
                connection.write(frame(next));
                unflushed = true;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response is already done: nothing more will be written to it.
            close();
        }
    }

    private byte[] frame(Outgoing outgoing) {
        String frame;
        if (outgoing.view() == null) {
            frame = ":heartbeat\n\n";
        } else {
            frame = (firstEvent ? "retry:" + RETRY_MILLIS + "\n" : "") + "event:" + EVENT + "\ndata:" + data.apply(outgoing) + "\n\n";
            firstEvent = false;
        }
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Lets the client go: ends the response (once) and tells whoever counts the clients. It waits for a write under
     * way (the same lock as {@link #pump()}), and once it has run nothing touches the connection again: the container
     * recycles an ended response for the next request, so a late write would break a stranger's response.
     */
    void close() {
        boolean first;
        synchronized (this) {
            first = closed.compareAndSet(false, true);
            if (first) {
                slot.set(null);
                connection.close();
            }
        }
        if (first) {
            gone.run(); // outside the lock: whoever counts the clients takes its own
        }
    }
}
