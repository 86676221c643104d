package se.stegvis.outcome.outcomes.adapter.out.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.outcome.outcomes.adapter.out.messaging.OutcomeEvents;
import se.stegvis.outcome.outcomes.application.IdempotencyKeyTaken;
import se.stegvis.outcome.outcomes.application.OutcomeStore;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.schemas.EventTopic;

/**
 * Outcomes in MongoDB, one document each, with their pending events in the document's outbox: recording is one
 * insert, retraction one conditional update, each carrying its event. An Idempotency-Key is kept in the outcome's
 * document under a unique (sparse) index, so of two requests racing with one key exactly one insert succeeds.
 *
 * <p>The retraction's condition is the flat filter {@code {_id, retracted: false}} with a unique index of exactly
 * those fields: mongo-java-server (the local stack's and the tests' store) answers a filter from an index only when
 * its fields are exactly a unique index's, and read every outcome per retraction otherwise. MongoDB would answer it
 * from {@code _id} alone; there the index costs one more entry per write.
 */
public class MongoOutcomeStore implements OutcomeStore {

    /** The hash of the Idempotency-Key a record was created with (IdempotencyKey); never the key itself. */
    private static final String IDEMPOTENCY_KEY = "idempotencyKeyHash";
    /** Where releases before the hash kept the key in clear. */
    private static final String CLEAR_IDEMPOTENCY_KEY = "idempotencyKey";

    private final MongoCollection<Document> outcomes;

    public MongoOutcomeStore(MongoCollection<Document> outcomes) {
        this.outcomes = outcomes;
        outcomes.createIndex(Indexes.ascending(OutcomeDocuments.PARTICIPANT_ID));
        outcomes.createIndex(Indexes.ascending(IDEMPOTENCY_KEY), new IndexOptions().unique(true).sparse(true));
        outcomes.createIndex(Indexes.ascending("_id", OutcomeDocuments.RETRACTED), new IndexOptions().unique(true));
        // Keys that releases before hashing stored in clear are forgotten: a retry across the deploy is a new request.
        outcomes.updateMany(Filters.exists(CLEAR_IDEMPOTENCY_KEY, true), Updates.unset(CLEAR_IDEMPOTENCY_KEY));
    }

    @Override
    public void add(OutcomeEvent.Recorded recorded, String idempotencyKey) {
        Document document = OutcomeDocuments.state(Outcome.recorded(recorded));
        if (idempotencyKey != null) {
            document.append(IDEMPOTENCY_KEY, idempotencyKey);
        }
        try {
            outcomes.insertOne(Outbox.withEntries(document, List.of(entry(recorded))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && idempotencyKey != null) {
                throw new IdempotencyKeyTaken();
            }
            throw e;
        }
    }

    @Override
    public Optional<Outcome> byIdempotencyKey(String key) {
        return Optional.ofNullable(outcomes.find(eq(IDEMPOTENCY_KEY, key)).first()).map(OutcomeDocuments::outcome);
    }

    @Override
    public Optional<Outcome> find(UUID outcomeId) {
        return Optional.ofNullable(outcomes.find(eq("_id", outcomeId.toString())).first()).map(OutcomeDocuments::outcome);
    }

    /** Only a document not yet retracted matches, so of two concurrent retractions one stores the event. */
    @Override
    public boolean retract(OutcomeEvent.Retracted retracted) {
        return outcomes.updateOne(new Document("_id", retracted.outcomeId().toString()).append(OutcomeDocuments.RETRACTED, false),
                Updates.combine(Updates.set(OutcomeDocuments.RETRACTED, true), Outbox.append(List.of(entry(retracted)))))
                .getModifiedCount() == 1;
    }

    @Override
    public List<Outcome> currentOf(Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return outcomes.find(and(in(OutcomeDocuments.PARTICIPANT_ID, participantIds.stream().map(UUID::toString).toList()),
                eq(OutcomeDocuments.RETRACTED, false))).map(OutcomeDocuments::outcome).into(new ArrayList<>());
    }

    private static OutboxEntry entry(OutcomeEvent event) {
        return OutboxEntry.of(EventTopic.OUTCOMES, event.participantId().toString(), OutcomeEvents.toAvro(event), event.occurredAt());
    }
}
