package se.stegvis.participant.participants.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static se.stegvis.participant.participants.adapter.out.persistence.ParticipantDocuments.ERASED;
import static se.stegvis.participant.participants.adapter.out.persistence.ParticipantDocuments.REVISION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.participant.audit.adapter.out.persistence.AuditDocuments;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.participants.adapter.out.crypto.DuplicateFingerprint;
import se.stegvis.participant.participants.adapter.out.crypto.PersonalDataCipher;
import se.stegvis.participant.participants.adapter.out.crypto.SealedData;
import se.stegvis.participant.participants.adapter.out.messaging.ParticipantEvents;
import se.stegvis.participant.participants.application.AlreadyEnrolled;
import se.stegvis.participant.participants.application.IdempotencyKeyReused;
import se.stegvis.participant.participants.application.ParticipantChangedConcurrently;
import se.stegvis.participant.participants.application.ParticipantErased;
import se.stegvis.participant.participants.application.ParticipantRegistry;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.NotFound;

/**
 * Participants in MongoDB, one document each: the entry data in clear (it is what the events carry), the personal
 * data sealed under the participant's own data key, a keyed fingerprint for duplicate detection, and the pending
 * events. Each command is one single-document write.
 *
 * <p>Every change is conditional: its filter holds the revision the command read, and it increments the revision.
 * An erasure raises the revision too, so a change of a participant read as not erased matches only while it still is
 * not. A command that lost a race to another one matches nothing and writes nothing, so it publishes nothing: a change
 * after an erasure is {@link ParticipantErased}, a change after another change is
 * {@link ParticipantChangedConcurrently}. Erasure is conditional only on not being erased yet, so it wins over any
 * change that read before it, and no write ever sets {@code erased} back or restores the sealed data.
 *
 * <p>Each condition is a flat filter with a unique index of exactly its fields ({@code {_id, revision}},
 * {@code {_id, erased}}). MongoDB would answer either from {@code _id} alone; mongo-java-server (the local stack's and
 * the tests' store) answers a filter from an index only when its fields are exactly a unique index's, and read every
 * participant for each command otherwise. On MongoDB each extra index costs one more entry per write.
 */
public class MongoParticipantRegistry implements ParticipantRegistry {

    /** Where the hash of a request's Idempotency-Key is kept (IdempotencyKey); never the key itself. */
    private static final String IDEMPOTENCY_KEY_HASH = "idempotency.keyHash";
    /** Where releases before the hash kept the key in clear. */
    private static final String CLEAR_IDEMPOTENCY_KEY = "idempotency.key";

    private final MongoCollection<Document> participants;
    private final PersonalDataCipher cipher;
    private final DuplicateFingerprint duplicates;

    public MongoParticipantRegistry(MongoCollection<Document> participants, PersonalDataCipher cipher, DuplicateFingerprint duplicates) {
        this.participants = participants;
        this.cipher = cipher;
        this.duplicates = duplicates;
        participants.createIndex(Indexes.ascending("duplicateFingerprint"), new IndexOptions().unique(true).sparse(true));
        participants.createIndex(Indexes.ascending(IDEMPOTENCY_KEY_HASH), new IndexOptions().unique(true).sparse(true));
        forgetClearIdempotencyKeys(participants);
        participants.createIndex(Indexes.ascending("projectId"));
        participants.createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true));
        participants.createIndex(Indexes.ascending("_id", ERASED), new IndexOptions().unique(true));
    }

    @Override
    public Optional<ParticipantRecord> find(UUID participantId) {
        return Optional.ofNullable(participants.find(eq("_id", participantId.toString())).first()).map(this::record);
    }

    @Override
    public List<ParticipantRecord> ofProject(String projectId) {
        return participants.find(eq("projectId", projectId)).map(this::record).into(new ArrayList<>());
    }

    @Override
    public Optional<UUID> enrolledAs(String projectId, PersonalIdentityNumber number) {
        return Optional.ofNullable(participants.find(eq("duplicateFingerprint", duplicates.of(projectId, number))).first())
                .map(document -> UUID.fromString(document.getString("_id")));
    }

    @Override
    public Optional<IdempotentRequest> byIdempotencyKey(String key) {
        return Optional.ofNullable(participants.find(eq(IDEMPOTENCY_KEY_HASH, key)).first()).map(document -> {
            Document idempotency = document.get("idempotency", Document.class);
            return new IdempotentRequest(key, idempotency.getString("fingerprint"), UUID.fromString(document.getString("_id")));
        });
    }

    @Override
    public void add(Participant participant, PersonalData person, ParticipantEvent.Enrolled event, IdempotentRequest request,
            AuditEntry audit) {
        Document document = AuditDocuments.withPending(ParticipantDocuments.state(participant)
                .append("_id", participant.id().toString()), audit)
                .append("personal", sealed(participant.id(), person))
                .append("duplicateFingerprint", duplicates.of(participant.projectId(), person.personalIdentityNumber()));
        if (request.key() != null) {
            document.append("idempotency", new Document("keyHash", request.key()).append("fingerprint", request.requestFingerprint()));
        }
        try {
            participants.insertOne(Outbox.withEntries(document, List.of(entry(event))));
        } catch (MongoWriteException e) {
            throw refusal(e, participant.projectId(), person, request.key());
        }
    }

    @Override
    public void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision, AuditEntry audit) {
        if (participant.erased()) {
            // Read as erased: the revision alone would not keep the change off it.
            throw new ParticipantErased(participant.id());
        }
        List<Bson> updates = new ArrayList<>();
        ParticipantDocuments.changes(participant).forEach((field, value) -> updates.add(Updates.set(field, value)));
        if (person != null) {
            updates.add(Updates.set("personal", sealed(participant.id(), person)));
            updates.add(Updates.set("duplicateFingerprint", duplicates.of(participant.projectId(), person.personalIdentityNumber())));
        }
        updates.add(Updates.inc(REVISION, 1L));
        updates.add(Outbox.append(List.of(entry(event))));
        updates.add(AuditDocuments.append(audit));
        String id = participant.id().toString();
        Bson change = Updates.combine(updates);
        UpdateResult result;
        try {
            result = participants.updateOne(atRevision(id, readRevision), change);
            if (result.getMatchedCount() == 0 && readRevision == 0) {
                // Stored before revisions were counted: no field, read as 0; {revision: null} matches it.
                result = participants.updateOne(atRevision(id, null), change);
            }
        } catch (MongoWriteException e) {
            throw refusal(e, participant.projectId(), person, null);
        }
        if (result.getMatchedCount() == 0) {
            throw lostRace(participant.id());
        }
    }

    /** The participant at the revision read, as the flat filter its unique index answers. */
    private static Bson atRevision(String id, Long revision) {
        return new Document("_id", id).append(REVISION, revision);
    }

    /**
     * The participant not erased yet, as the flat filter its unique index answers: {@code erased: false}, which every
     * participant is written with ({@link ParticipantDocuments#state}).
     */
    private static Bson notErased(String id) {
        return new Document("_id", id).append(ERASED, false);
    }

    /** Why a conditional write matched nothing: the participant is gone, erased, or at another revision. */
    private RuntimeException lostRace(UUID participantId) {
        Document now = participants.find(eq("_id", participantId.toString())).projection(new Document(ERASED, 1)).first();
        if (now == null) {
            return new NotFound("participant", participantId.toString());
        }
        if (now.getBoolean(ERASED, false)) {
            return new ParticipantErased(participantId);
        }
        return new ParticipantChangedConcurrently(participantId);
    }

    /**
     * Removes the keys that releases before hashing stored in clear (a client may have put an identity number in
     * one). A retry of such an enrolment after the deploy is then a new request: the same person is still refused by
     * the duplicate fingerprint (409 with the participant). Idempotent; runs at every start, finds nothing after the first.
     */
    private static void forgetClearIdempotencyKeys(MongoCollection<Document> participants) {
        participants.updateMany(exists(CLEAR_IDEMPOTENCY_KEY, true), Updates.unset(CLEAR_IDEMPOTENCY_KEY));
    }

    /**
     * What a write refused for a duplicate key means: the person is already a participant of the project (the
     * unique fingerprint), or the Idempotency-Key is taken (its unique index). Any other failure stays as it is.
     */
    private RuntimeException refusal(MongoWriteException e, String projectId, PersonalData person, String idempotencyKey) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || person == null) {
            return e;
        }
        Optional<UUID> existing = enrolledAs(projectId, person.personalIdentityNumber());
        if (existing.isPresent()) {
            return new AlreadyEnrolled(existing.get());
        }
        if (idempotencyKey != null && byIdempotencyKey(idempotencyKey).isPresent()) {
            return new IdempotencyKeyReused();
        }
        return e;
    }

    /**
     * The sealed data and its key go in the same write; without the key the data could never be read again. Only an
     * erasure sets {@code erased}, and it is not conditional on the revision: a change read before it loses.
     */
    @Override
    public void erase(Participant participant, ParticipantEvent.Erased event, AuditEntry audit) {
        UpdateResult result = participants.updateOne(notErased(participant.id().toString()), Updates.combine(
                Updates.set(ERASED, true), Updates.unset("personal"), Updates.unset("duplicateFingerprint"),
                Updates.unset("idempotency"), Updates.inc(REVISION, 1L), Outbox.append(List.of(entry(event))),
                AuditDocuments.append(audit)));
        if (result.getMatchedCount() == 0) {
            throw lostRace(participant.id());
        }
    }

    private ParticipantRecord record(Document document) {
        Participant participant = ParticipantDocuments.participant(document);
        long revision = ParticipantDocuments.revision(document);
        Document personal = document.get("personal", Document.class);
        if (participant.erased() || personal == null) {
            return new ParticipantRecord(participant, null, revision);
        }
        SealedData sealed = new SealedData(personal.get("key", Binary.class).getData(), personal.get("data", Binary.class).getData());
        return new ParticipantRecord(participant, PersonalDataCodec.decode(cipher.open(participant.id(), sealed)), revision);
    }

    private Document sealed(UUID participantId, PersonalData person) {
        SealedData sealed = cipher.seal(participantId, PersonalDataCodec.encode(person));
        return new Document("key", new Binary(sealed.wrappedDataKey())).append("data", new Binary(sealed.ciphertext()));
    }

    private static OutboxEntry entry(ParticipantEvent event) {
        return OutboxEntry.of(EventTopic.PARTICIPANTS, event.participantId().toString(), ParticipantEvents.toAvro(event));
    }

}
