package se.stegvis.reporting.indicators.adapter.out.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import se.stegvis.reporting.indicators.application.ReadModelLease;

/**
 * The lease in {@value #COLLECTION}: one document naming its holder (the instance id, then a token of the process)
 * and when it last renewed. Another holder is judged gone by watching it not renew for {@code staleAfter}, not by
 * comparing clocks. Taking over is one write conditional on the document as last read, so two newcomers cannot both
 * take it.
 */
public final class MongoReadModelLease implements ReadModelLease {

    public static final String COLLECTION = "reporting_lease";
    private static final String ID = "read-model";

    private final MongoCollection<Document> documents;
    private final String instanceId;
    private final String holder;
    private final String database;
    private final Duration staleAfter;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits; a seam for tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param instanceId this instance's id ({@code stegvis.kafka.instance-id}); blank for none
     * @param processToken distinguishes this process from an earlier one of the same instance
     * @param staleAfter how long a holder that does not renew is waited for before its lease is taken
     */
    public MongoReadModelLease(MongoCollection<Document> documents, String database, String instanceId, String processToken,
            Duration staleAfter, Clock clock, Sleeper sleeper) {
        this.documents = documents;
        this.database = database;
        this.instanceId = instanceId == null ? "" : instanceId.strip();
        this.holder = (this.instanceId.isEmpty() ? "instance" : this.instanceId) + "/" + processToken;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void acquire() {
        Document held = documents.find(eq("_id", ID)).first();
        if (held == null) {
            Document mine = new Document("_id", ID).append("holder", holder).append("renewedAt", now());
            if (UniqueWrite.unlessTaken(() -> documents.insertOne(mine))) {
                return;
            }
            throw new HeldElsewhere(refusal(documents.find(eq("_id", ID)).first()));
        }
        if (!mine(held.getString("holder"))) {
            waitForStaleness(held);
        }
        if (documents.replaceOne(and(eq("_id", ID), eq("holder", held.getString("holder")), eq("renewedAt", held.getDate("renewedAt"))),
                new Document("_id", ID).append("holder", holder).append("renewedAt", now())).getMatchedCount() == 0) {
            throw new HeldElsewhere(refusal(documents.find(eq("_id", ID)).first()));
        }
    }

    /** The holder seems to be another instance: it keeps the lease if it renews within {@code staleAfter}. */
    private void waitForStaleness(Document held) {
        try {
            sleeper.sleep(staleAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to see whether the read model's holder is alive", e);
        }
        Document now = documents.find(eq("_id", ID)).first();
        if (now != null && !Objects.equals(now.get("renewedAt"), held.get("renewedAt"))) {
            throw new HeldElsewhere(refusal(now));
        }
    }

    @Override
    public void renew() {
        if (documents.updateOne(and(eq("_id", ID), eq("holder", holder)), Updates.set("renewedAt", now())).getMatchedCount() == 0) {
            throw new HeldElsewhere("This instance no longer holds the read model in database " + database + ": "
                    + refusal(documents.find(eq("_id", ID)).first()));
        }
    }

    @Override
    public void release() {
        documents.deleteOne(and(eq("_id", ID), eq("holder", holder)));
    }

    /** The same instance id (a restart of this instance), or this very process. */
    private boolean mine(String heldBy) {
        if (heldBy == null) {
            return false;
        }
        return heldBy.equals(holder) || !instanceId.isEmpty() && heldBy.startsWith(instanceId + "/");
    }

    private String refusal(Document held) {
        String by = held == null ? "another instance" : held.getString("holder");
        return "The read model in database " + database + " is fed by " + by + ", which renews its lease: a second "
                + "reporting-service on the same database would overwrite its checkpoints (or empty them with a rebuild). "
                + "Give each instance its own database (spring.mongodb.uri) and consumer group (stegvis.projection.group-id), "
                + "or stop the other instance.";
    }

    private Date now() {
        return Date.from(clock.instant());
    }
}
