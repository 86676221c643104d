package se.stegvis.reporting.indicators.adapter.in.web;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Whoever has something for it only drops it into a one-item slot and returns: a slot already
 * holding a view is overwritten by the newer one (the changed project ids are merged), so a client that reads slowly
 * gets the latest view when it catches up, never a backlog, and never holds up the projection or the other clients.
 * At most one task per client writes, on the senders' executor.
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

    private final SseEmitter emitter;
    private final Function<Outgoing, String> data;
    private final Executor senders;
    private final Runnable gone;
    private final AtomicReference<Outgoing> slot = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean firstEvent = new AtomicBoolean(true);

    StreamClient(SseEmitter emitter, Function<Outgoing, String> data, Executor senders, Runnable gone) {
        this.emitter = emitter;
        this.data = data;
        this.senders = senders;
        this.gone = gone;
    }

    void offer(Outgoing outgoing) {
        slot.accumulateAndGet(outgoing, (held, newer) -> held == null ? newer : held.merge(newer));
        if (writing.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Outgoing next = slot.getAndSet(null);
            if (next == null) {
                writing.set(false);
                if (slot.get() == null || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (!send(next)) {
                return;
            }
        }
    }

    private boolean send(Outgoing outgoing) {
        try {
            if (outgoing.view() == null) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } else {
                SseEmitter.SseEventBuilder event = SseEmitter.event().name(EVENT).data(data.apply(outgoing));
                emitter.send(firstEvent.getAndSet(false) ? event.reconnectTime(RETRY_MILLIS) : event);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            // The client went away or the emitter is already done: nothing more will be written to it.
            gone.run();
            emitter.complete();
            return false;
        }
    }

    void complete() {
        emitter.complete();
    }
}
