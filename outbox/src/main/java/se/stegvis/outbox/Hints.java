package se.stegvis.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which documents got new entries, as told by the writers, so a round can fetch just those by _id instead of
 * searching every collection for marked documents (a search from the mark's index, but over every collection and
 * every document still pending). When told nothing specific, or told more than it keeps, or after a failure, it asks
 * for a full search; the relay also searches in full at its idle interval, for writes it was not told about (another
 * instance, a crash before the hint).
 */
final class Hints {

    static final int MAX_KEPT = 10_000;

    private final Queue<Object> documentIds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicBoolean searchAll = new AtomicBoolean(true);

    void document(Object documentId) {
        if (kept.incrementAndGet() > MAX_KEPT) {
            kept.decrementAndGet();
            searchAll.set(true);
            return;
        }
        documentIds.add(documentId);
    }

    void everything() {
        searchAll.set(true);
    }

    /** True (once) when the next round must search every collection in full. */
    boolean takeSearchAll() {
        return searchAll.getAndSet(false);
    }

    /** Up to {@code max} hinted ids, removed from the hints. */
    List<Object> take(int max) {
        List<Object> ids = new ArrayList<>();
        Object id;
        while (ids.size() < max && (id = documentIds.poll()) != null) {
            kept.decrementAndGet();
            ids.add(id);
        }
        return ids;
    }

    boolean anyDocuments() {
        return !documentIds.isEmpty();
    }
}
