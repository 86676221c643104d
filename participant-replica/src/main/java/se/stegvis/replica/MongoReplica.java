package se.stegvis.replica;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.not;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

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
 */
public final class MongoReplica implements Replica {

    static final String PROJECTS = "replica_projects";
    static final String PARTICIPANTS = "replica_participants";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> participants;

    public MongoReplica(MongoDatabase database) {
        this.projects = database.getCollection(PROJECTS);
        this.participants = database.getCollection(PARTICIPANTS);
        // By project alone: a project has at most some hundred participants, and mongo-java-server ignores compound indexes.
        participants.createIndex(Indexes.ascending(ReplicaDocuments.PROJECT_ID));
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
    public void apply(SpecificRecord event) {
        if (event instanceof ProjectDefined defined) {
            define(defined);
        } else if (event instanceof ParticipantEnrolled enrolled) {
            entryData(enrolled.getParticipantId(), enrolled.getProjectId(), enrolled.getEntryData(), enrolled.getOccurredAt());
        } else if (event instanceof ParticipantEntryDataCorrected corrected) {
            entryData(corrected.getParticipantId(), corrected.getProjectId(), corrected.getEntryData(), corrected.getOccurredAt());
        } else if (event instanceof ParticipantLeft left) {
            writeUnlessNewer(left.getParticipantId(), ReplicaDocuments.LEFT_AT, left.getOccurredAt(), Updates.combine(
                    Updates.set(ReplicaDocuments.LEFT_ON, left.getLeftOn().toString()),
                    Updates.setOnInsert(ReplicaDocuments.PROJECT_ID, left.getProjectId())));
        } else if (event instanceof ParticipantErased erased) {
            participants.updateOne(eq("_id", erased.getParticipantId().toString()), Updates.combine(
                    Updates.set(ReplicaDocuments.ERASED, true),
                    Updates.setOnInsert(ReplicaDocuments.PROJECT_ID, erased.getProjectId())), UPSERT);
        }
    }

    /** Empties both collections (their indexes stay), for a rebuild from the start of the topics. */
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
            ignoreIfStoredIsNewer(e);
        }
    }

    private void entryData(UUID participantId, String projectId, EntryData entryData, Instant occurredAt) {
        writeUnlessNewer(participantId, ReplicaDocuments.ENTRY_DATA_AT, occurredAt, Updates.combine(
                Updates.set(ReplicaDocuments.PROJECT_ID, projectId),
                Updates.set(ReplicaDocuments.ENROLLED_ON, entryData.getEnrolledOn().toString())));
    }

    /**
     * Writes the update (and the event's time into the version field) unless the stored part is newer. A missing
     * document or a missing version field counts as older; the participant is created on first sight, whichever
     * event that is (a leaving may arrive before its enrolment).
     */
    private void writeUnlessNewer(UUID participantId, String versionField, Instant occurredAt, Bson update) {
        try {
            participants.updateOne(and(eq("_id", participantId.toString()), not(gt(versionField, occurredAt))),
                    Updates.combine(update, Updates.set(versionField, occurredAt)), UPSERT);
        } catch (MongoWriteException e) {
            ignoreIfStoredIsNewer(e);
        }
    }

    /**
     * The filter found no document that is not newer, so the upsert tried to insert one with an id that exists: the
     * stored state is newer than the event, which is left out.
     */
    private static void ignoreIfStoredIsNewer(MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
