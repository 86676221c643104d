package se.stegvis.replica;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.not;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import se.stegvis.events.EntryData;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;

/**
 * The replica in two MongoDB collections, {@code replica_projects} (by project id) and {@code replica_participants}
 * (by participant id). {@link #apply} is idempotent and order-tolerant, so redelivery and a replay into an empty
 * store both end in the state a single in-order delivery gives.
 *
 * <p>Why versions by {@code occurredAt} rather than remembered eventIds or {@code $max}: each part of the state (a
 * project as a whole; a participant's entry data; their leaving) keeps the {@code occurredAt} of the event that
 * wrote it, and an event writes that part only if it is not older. That refuses exact repeats and also an older,
 * distinct event delivered after a newer one (a relay that resends after a restart), which a set of seen eventIds
 * would let through, and it needs no list that grows with every event. {@code $max} on the date itself would be
 * wrong: a correction may move {@code enrolledOn} earlier. Erasure is a flag that is only ever set.
 *
 * <p>A participant is read by {@code _id}, changed in memory and written back on condition that its {@code revision}
 * is still the one read (or, if it was absent, that nobody inserted it meanwhile); a lost race reads again. The flat
 * filter {@code {_id, revision}} has a unique index of exactly those fields: MongoDB would answer it from {@code _id}
 * alone, but mongo-java-server (local stack, tests) uses an index only for a filter of exactly its fields and would
 * scan the whole collection on every event, which made a replay quadratic in participants.
 */
public final class MongoReplica implements Replica, ReplicaStore {

    static final String PROJECTS = "replica_projects";
    static final String PARTICIPANTS = "replica_participants";

    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> participants;

    public MongoReplica(MongoDatabase database) {
        this.projects = database.getCollection(PROJECTS);
        this.participants = database.getCollection(PARTICIPANTS);
        participants.createIndex(Indexes.ascending(ReplicaDocuments.PROJECT_ID));
        participants.createIndex(Indexes.ascending("_id", ReplicaDocuments.REVISION), new IndexOptions().unique(true));
    }

    @Override
    public Optional<ReplicatedProject> project(String projectId) {
        return Optional.ofNullable(projects.find(eq("_id", projectId)).first()).map(ReplicaDocuments::project);
    }

    @Override
    public Optional<ReplicatedParticipant> participant(UUID participantId) {
        return Optional.ofNullable(participants.find(eq("_id", participantId.toString())).first())
                .map(ReplicaDocuments::participant);
    }

    @Override
    public List<ReplicatedParticipant> leftParticipantsOf(String projectId) {
        Bson leftAndNotErased = and(eq(ReplicaDocuments.PROJECT_ID, projectId), ne(ReplicaDocuments.LEFT_ON, null),
                ne(ReplicaDocuments.ERASED, true));
        return participants.find(leftAndNotErased).sort(Sorts.ascending("_id"))
                .map(ReplicaDocuments::participant).into(new ArrayList<>());
    }

    /** Brings the event into the replica; events of other types are not what a replica keeps and are ignored. */
    @Override
    public void apply(SpecificRecord event) {
        if (event instanceof ProjectDefined defined) {
            define(defined);
        } else if (event instanceof ParticipantEnrolled enrolled) {
            entryData(enrolled.getParticipantId(), enrolled.getProjectId(), enrolled.getEntryData(), enrolled.getOccurredAt());
        } else if (event instanceof ParticipantEntryDataCorrected corrected) {
            entryData(corrected.getParticipantId(), corrected.getProjectId(), corrected.getEntryData(), corrected.getOccurredAt());
        } else if (event instanceof ParticipantLeft left) {
            writeUnlessNewer(left.getParticipantId(), left.getProjectId(), ReplicaDocuments.LEFT_AT, left.getOccurredAt(),
                    document -> document.put(ReplicaDocuments.LEFT_ON, left.getLeftOn().toString()));
        } else if (event instanceof ParticipantErased erased) {
            write(erased.getParticipantId(), erased.getProjectId(), document -> {
                document.put(ReplicaDocuments.ERASED, true);
                return true;
            });
        }
    }

    /** Empties both collections (their indexes stay), for a rebuild from the start of the topics. */
    @Override
    public void clear() {
        projects.deleteMany(new Document());
        participants.deleteMany(new Document());
    }

    private void define(ProjectDefined defined) {
        Document state = ReplicaDocuments.project(defined);
        try {
            projects.replaceOne(and(eq("_id", defined.getProjectId()),
                    not(gt(ReplicaDocuments.OCCURRED_AT, defined.getOccurredAt()))), state, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            ignoreIfDuplicateKey(e);
        }
    }

    private void entryData(UUID participantId, String projectId, EntryData entryData, Instant occurredAt) {
        writeUnlessNewer(participantId, projectId, ReplicaDocuments.ENTRY_DATA_AT, occurredAt, document -> {
            document.put(ReplicaDocuments.PROJECT_ID, projectId);
            document.put(ReplicaDocuments.ENROLLED_ON, entryData.getEnrolledOn().toString());
        });
    }

    /**
     * Changes one part of the participant and sets its version to the event's time, unless the stored part is newer.
     * A missing document or a missing version field counts as older; the participant is created on first sight,
     * whichever event that is (a leaving may arrive before its enrolment).
     */
    private void writeUnlessNewer(UUID participantId, String projectId, String versionField, Instant occurredAt,
            Consumer<Document> change) {
        write(participantId, projectId, document -> {
            Date stored = document.getDate(versionField);
            if (stored != null && stored.toInstant().isAfter(occurredAt)) {
                return false;
            }
            change.accept(document);
            document.put(versionField, Date.from(occurredAt));
            return true;
        });
    }

    /**
     * Reads the participant (or starts one in the event's project), lets {@code change} alter it (false: leave it as
     * it is) and writes it back if nobody wrote it meanwhile; else reads it again.
     */
    private void write(UUID participantId, String projectId, Predicate<Document> change) {
        String id = participantId.toString();
        while (true) {
            Document stored = participants.find(eq("_id", id)).first();
            Document next = stored == null ? new Document("_id", id).append(ReplicaDocuments.PROJECT_ID, projectId) : new Document(stored);
            if (!change.test(next)) {
                return;
            }
            Number revision = stored == null ? null : stored.get(ReplicaDocuments.REVISION, Number.class);
            next.put(ReplicaDocuments.REVISION, (revision == null ? 0 : revision.longValue()) + 1);
            if (stored == null ? inserted(next) : participants.replaceOne(new Document("_id", id)
                    .append(ReplicaDocuments.REVISION, revision), next).getMatchedCount() == 1) {
                return;
            }
        }
    }

    /** False when another writer inserted the participant first. */
    private boolean inserted(Document document) {
        try {
            participants.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            ignoreIfDuplicateKey(e);
            return false;
        }
    }

    /**
     * A duplicate key means another document with this id is there: for a project, a newer one the upsert's filter did
     * not match (the event is left out); for a participant, one inserted meanwhile (the write reads again).
     */
    private static void ignoreIfDuplicateKey(MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
