package se.stegvis.outbox;

import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * A field that marks the documents holding entries still to be handed on (the outbox's events, participant-service's
 * audit entries), so that a relay finds them from an index instead of reading every document of the collection.
 *
 * <p>The write that appends entries also sets the field to a new random token. Whoever takes entries away removes the
 * token afterwards, and only on condition that it is still the token read together with those entries (the filter
 * {@code {field: token}}): a write that appended meanwhile set another token, which stays. So a document with entries
 * is never left unmarked; a document marked with nothing left (a stop between the two writes) is found once more and
 * unmarked then.
 *
 * <p>Why a token and not the filter "has entries" ({@code {entries.0: {$exists: true}}}): no index answers that one.
 * mongo-java-server (the local stack's and the tests' store) answers a filter from an index only when the filter's
 * fields are exactly a unique index's, and otherwise reads the whole collection: the relays did that at every poll.
 * The token has a sparse unique index, which holds only the marked documents; {@link #marked()} and
 * {@link #stillMarkedAs(String)} are each answered from it, on mongo-java-server (which walks the index's keys for a
 * regular expression) as on MongoDB (an index scan of the string keys).
 */
public record PendingMark(String field) {

    /** The update that marks the document anew; goes into the same write as the entries it appends. */
    public Bson set() {
        return Updates.set(field, newToken());
    }

    /** The new document, marked, for an {@code insertOne}. */
    public Document setOn(Document document) {
        document.put(field, newToken());
        return document;
    }

    /** Every marked document. */
    public Bson marked() {
        return Filters.regex(field, "^");
    }

    /** The document still marked with this token: nobody appended since it was read. Flat, so its index answers it. */
    public Bson stillMarkedAs(String token) {
        return new Document(field, token);
    }

    /** The update that removes the mark; for {@link #stillMarkedAs(String)}'s document only. */
    public Bson unmark() {
        return Updates.unset(field);
    }

    /** The token the document was read with, or null (not marked, or the field not read). */
    public String tokenOf(Document document) {
        return document.getString(field);
    }

    /**
     * Creates the index, and marks the documents that hold entries but no token (written before there were tokens).
     * The search for those reads the whole collection once; run it when a relay starts, not at every poll. Idempotent.
     *
     * @param entries the array field of the pending entries
     * @return the documents marked now
     */
    public int prepare(MongoCollection<Document> collection, String entries) {
        collection.createIndex(Indexes.ascending(field), new IndexOptions().unique(true).sparse(true));
        int marked = 0;
        for (Document unmarked : collection.find(Filters.and(Filters.exists(entries + ".0"), Filters.exists(field, false)))
                .projection(Projections.include("_id"))) {
            // An overwritten token is harmless: the relay then leaves the mark for its next round.
            marked += (int) collection.updateOne(Filters.eq("_id", unmarked.get("_id")), set()).getModifiedCount();
        }
        return marked;
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
