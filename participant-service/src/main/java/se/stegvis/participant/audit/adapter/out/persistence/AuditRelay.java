package se.stegvis.participant.audit.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * Moves the audit entries of changes from the participants' documents, where each was written in the same write as
 * its change, to the audit trail: a change that held is audited even if the service stops right after it. An entry is
 * inserted under its own id (a second insert of it is a duplicate and ignored) before it is pulled from the
 * document, so a crash between the two moves it twice and stores it once. Only {@code _id}, the pending entries and
 * their mark are read, and only entries and the mark are taken away: the participant's state is never touched.
 *
 * <p>The participants with entries waiting are found by their mark ({@link AuditDocuments#MARK}) from its index, not
 * by reading every participant, which mongo-java-server did for the filter "has entries" at every poll. Once all the
 * entries read are moved, the mark goes if it is still the one read; a change that added an entry meanwhile marked
 * the participant anew.
 */
public final class AuditRelay {

    private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);

    private final MongoCollection<Document> participants;
    private final MongoCollection<Document> trail;
    private final Duration idle;
    private volatile boolean running;
    private volatile boolean prepared;
    private Thread worker;

    public AuditRelay(MongoCollection<Document> participants, MongoCollection<Document> trail, Duration idle) {
        this.participants = participants;
        this.trail = trail;
        this.idle = idle;
    }

    /**
     * Moves every entry waiting now; the number moved. The first call also creates the mark's index and marks the
     * entries written before marks (reading every participant once).
     */
    public int moveWaiting() {
        if (!prepared) {
            AuditDocuments.MARK.prepare(participants, AuditDocuments.PENDING);
            prepared = true;
        }
        int moved = 0;
        for (Document document : participants.find(AuditDocuments.MARK.marked())
                .projection(Projections.include("_id", AuditDocuments.PENDING, AuditDocuments.MARK.field()))) {
            for (Document entry : document.getList(AuditDocuments.PENDING, Document.class, List.of())) {
                insertOnce(entry);
                participants.updateOne(eq("_id", document.get("_id")),
                        Updates.pull(AuditDocuments.PENDING, new Document("_id", entry.get("_id"))));
                moved++;
            }
            participants.updateOne(AuditDocuments.MARK.stillMarkedAs(AuditDocuments.MARK.tokenOf(document)),
                    AuditDocuments.MARK.unmark());
        }
        return moved;
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::moveUntilStopped, "audit-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
    }

    private void insertOnce(Document entry) {
        try {
            trail.insertOne(entry);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private void moveUntilStopped() {
        while (running) {
            try {
                if (moveWaiting() == 0) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not move audit entries to the trail yet ({}); retrying", e.getClass().getSimpleName());
                try {
                    Thread.sleep(idle.multipliedBy(5).toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
