package se.stegvis.outbox;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The outbox lives in the aggregate's own document, in the array field {@value #FIELD}: MongoDB is atomic per
 * document, and multi-document transactions are not available on every target (mongo-java-server has none), so the
 * new state and the events it causes are one write or none.
 *
 * <pre>{@code
 * participants.updateOne(Filters.eq("_id", id),
 *         Updates.combine(Updates.set("leftOn", leftOn), Outbox.append(List.of(OutboxEntry.of(PARTICIPANTS, id, left)))));
 * }</pre>
 */
public final class Outbox {

    /** The array field that holds the pending entries, oldest first. */
    public static final String FIELD = "outbox";
    /** Marks the documents with pending entries, so the relay finds them from an index ({@link PendingMark}). */
    public static final PendingMark MARK = new PendingMark("outboxMark");

    private Outbox() {
    }

    /**
     * The update that appends the entries, in order, to the document's outbox and marks it anew:
     * {@code {$push: {outbox: {$each: [...]}}, $set: {outboxMark: ...}}}. Combine it with the state change in the same
     * {@code updateOne} / {@code findOneAndUpdate} (upsert where the document is new); a separate write would break the
     * guarantee.
     */
    public static Bson append(List<OutboxEntry> entries) {
        return Updates.combine(Updates.pushEach(FIELD, documents(entries)), MARK.set());
    }

    /** A copy of a new aggregate's document with the entries appended to its outbox, marked, for an {@code insertOne}. */
    public static Document withEntries(Document state, List<OutboxEntry> entries) {
        Document document = new Document(state);
        List<Object> outbox = new ArrayList<>(state.getList(FIELD, Object.class, List.of()));
        outbox.addAll(documents(entries));
        document.put(FIELD, outbox);
        return MARK.setOn(document);
    }

    /** The pending entries of a document read back from MongoDB, oldest first. */
    public static List<OutboxEntry> entriesOf(Document document) {
        return document.getList(FIELD, Document.class, List.of()).stream().map(OutboxEntry::fromDocument).toList();
    }

    /**
     * Documents with pending entries: the marked ones (and now and then one whose entries are gone but whose mark is
     * not yet, see {@link PendingMark}). Answered from the mark's index, not by reading the collection.
     */
    static Bson pending() {
        return MARK.marked();
    }

    /** What a relay does once before its first round: the mark's index, and a mark on entries written before marks. */
    static void prepare(MongoCollection<Document> collection) {
        MARK.prepare(collection, FIELD);
    }

    /**
     * Oldest pending first, so a backlog drains in the order commands were accepted. An ascending sort on an array
     * path orders by the array's smallest value, which is the first entry's (entries are appended in acceptance
     * order). The positional path {@code outbox.0.acceptedAt} would say it more directly, but mongo-java-server
     * ignores a sort on it (OutboxQueriesIT checks the one used here).
     */
    static Bson oldestFirst() {
        return Sorts.ascending(FIELD + "." + OutboxEntry.ACCEPTED_AT);
    }

    /** Removes exactly these entries (by event id) and nothing that arrived meanwhile. */
    static Bson remove(List<String> eventIds) {
        return Updates.pull(FIELD, Filters.in(OutboxEntry.EVENT_ID, eventIds));
    }

    private static List<Document> documents(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::toDocument).toList();
    }
}
