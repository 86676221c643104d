package se.stegvis.replica;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;

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
 * <p>A batch is applied per collection in three steps: the documents of every id it names are read in one
 * {@code find({_id: {$in: ids}})}, every event of the batch is folded into its document in memory, in the batch's
 * order, and the documents that changed are written in one unordered bulk write. Each write is conditional: a new
 * document is inserted (a duplicate key means another writer inserted it first), a stored one is replaced on
 * condition that its {@code revision} is still the one read. If any write lost such a race, the batch's documents are
 * read again and the whole batch folded again on what is stored now: applying an event twice gives the state of
 * applying it once, and a document already holding the batch folds to itself and is not written.
 *
 * <p>The replacement's filter is the flat {@code {_id, revision}} with a unique index of exactly those fields:
 * MongoDB would answer it from {@code _id} alone, but mongo-java-server (local stack, tests) uses an index only for a
 * filter of exactly a unique index's fields and would read the whole collection for every document written. Per
 * event, a read and a write each (as before batches) held a replica to a few hundred events a second on the local
 * stack; per batch of 500, a read and a bulk write per collection.
 */
public final class MongoReplica implements Replica, ReplicaStore {

    static final String PROJECTS = "replica_projects";
    static final String PARTICIPANTS = "replica_participants";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /**
     * How long a project read from the store is answered from memory. Every command reads its participant's project
     * (its activity and outcome types, its follow-up points), a few projects for thousands of commands, and each read
     * is a round trip that decodes the whole definition. The replica lags its topic anyway; a definition this replica
     * writes or clears is forgotten at once, so only another instance writing the same store, or a read that raced this
     * replica's write and finished after it, is answered up to this late.
     */
    static final Duration PROJECT_REMEMBERED = Duration.ofSeconds(1);
    /** Projects remembered at most: ids come from requests too, and one not stored is never remembered. */
    private static final int PROJECTS_REMEMBERED = 256;

    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> participants;
    private final LongSupplier nanoTime;
    private final Map<String, Remembered> recentProjects = new ConcurrentHashMap<>();

    private record Remembered(ReplicatedProject project, long readAt) {
    }

    public MongoReplica(MongoDatabase database) {
        this(database, System::nanoTime);
    }

    MongoReplica(MongoDatabase database, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.projects = database.getCollection(PROJECTS);
        this.participants = database.getCollection(PARTICIPANTS);
        participants.createIndex(Indexes.ascending(ReplicaDocuments.PROJECT_ID));
        participants.createIndex(Indexes.ascending("_id", ReplicaDocuments.REVISION), new IndexOptions().unique(true));
        projects.createIndex(Indexes.ascending("_id", ReplicaDocuments.REVISION), new IndexOptions().unique(true));
    }

    @Override
    public Optional<ReplicatedProject> project(String projectId) {
        long now = nanoTime.getAsLong();
        Remembered remembered = recentProjects.get(projectId);
        if (remembered != null && now - remembered.readAt() < PROJECT_REMEMBERED.toNanos()) {
            return Optional.of(remembered.project());
        }
        Optional<ReplicatedProject> read = Optional.ofNullable(projects.find(eq("_id", projectId)).first()).map(ReplicaDocuments::project);
        read.ifPresent(project -> {
            if (recentProjects.size() >= PROJECTS_REMEMBERED) {
                recentProjects.clear();
            }
            recentProjects.put(projectId, new Remembered(project, now));
        });
        return read;
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

    /** Brings the batch's events into the replica; events of other types are not what a replica keeps and are ignored. */
    @Override
    public void apply(List<SpecificRecord> events) {
        Map<String, List<SpecificRecord>> byProject = new LinkedHashMap<>();
        Map<String, List<SpecificRecord>> byParticipant = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            if (event instanceof ProjectDefined defined) {
                byProject.computeIfAbsent(defined.getProjectId(), id -> new ArrayList<>()).add(event);
            } else {
                UUID participantId = participantOf(event);
                if (participantId != null) {
                    byParticipant.computeIfAbsent(participantId.toString(), id -> new ArrayList<>()).add(event);
                }
            }
        }
        try {
            write(projects, byProject);
        } finally {
            if (!byProject.isEmpty()) {
                recentProjects.clear();
            }
        }
        write(participants, byParticipant);
    }

    /** Empties both collections (their indexes stay), for a rebuild from the start of the topics. */
    @Override
    public void clear() {
        projects.deleteMany(new Document());
        participants.deleteMany(new Document());
        recentProjects.clear();
    }

    private static UUID participantOf(SpecificRecord event) {
        if (event instanceof ParticipantEnrolled enrolled) {
            return enrolled.getParticipantId();
        } else if (event instanceof ParticipantEntryDataCorrected corrected) {
            return corrected.getParticipantId();
        } else if (event instanceof ParticipantLeft left) {
            return left.getParticipantId();
        } else if (event instanceof ParticipantErased erased) {
            return erased.getParticipantId();
        }
        return null;
    }

    /** Reads, folds and writes the documents of these ids until no write lost a race (see the class comment). */
    private static void write(MongoCollection<Document> collection, Map<String, List<SpecificRecord>> eventsById) {
        if (eventsById.isEmpty()) {
            return;
        }
        while (true) {
            Map<String, Document> stored = new HashMap<>();
            collection.find(in("_id", List.copyOf(eventsById.keySet()))).forEach(document -> stored.put(document.getString("_id"), document));
            List<WriteModel<Document>> writes = new ArrayList<>();
            int replacements = 0;
            for (Map.Entry<String, List<SpecificRecord>> entry : eventsById.entrySet()) {
                Document before = stored.get(entry.getKey());
                Document next = before == null ? null : new Document(before);
                for (SpecificRecord event : entry.getValue()) {
                    next = fold(next, entry.getKey(), event);
                }
                if (next == null || sameState(before, next)) {
                    continue;
                }
                Number revision = before == null ? null : before.get(ReplicaDocuments.REVISION, Number.class);
                next.put(ReplicaDocuments.REVISION, (revision == null ? 0 : revision.longValue()) + 1);
                if (before == null) {
                    writes.add(new InsertOneModel<>(next));
                } else {
                    writes.add(new ReplaceOneModel<>(new Document("_id", entry.getKey()).append(ReplicaDocuments.REVISION, revision), next));
                    replacements++;
                }
            }
            if (writes.isEmpty() || written(collection, writes, replacements)) {
                return;
            }
        }
    }

    /** False when a write lost a race: an insert found the document there, or a replacement found another revision. */
    private static boolean written(MongoCollection<Document> collection, List<WriteModel<Document>> writes, int replacements) {
        try {
            return collection.bulkWrite(writes, UNORDERED).getMatchedCount() == replacements;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the fold changed nothing but, perhaps, left the revision out (a project's definition is new each time). */
    private static boolean sameState(Document before, Document next) {
        if (before == null) {
            return false;
        }
        Document stored = new Document(before);
        stored.remove(ReplicaDocuments.REVISION);
        Document folded = new Document(next);
        folded.remove(ReplicaDocuments.REVISION);
        return stored.equals(folded);
    }

    /**
     * The document with the event applied: the same instance, changed in place, or a new one (a new participant or
     * project; a project's newer definition). Null stays null for an event that creates nothing.
     */
    private static Document fold(Document document, String id, SpecificRecord event) {
        if (event instanceof ProjectDefined defined) {
            return newer(document, ReplicaDocuments.OCCURRED_AT, defined.getOccurredAt()) ? ReplicaDocuments.project(defined) : document;
        } else if (event instanceof ParticipantEnrolled enrolled) {
            return entryData(document, id, enrolled.getProjectId(), enrolled.getEntryData(), enrolled.getOccurredAt());
        } else if (event instanceof ParticipantEntryDataCorrected corrected) {
            return entryData(document, id, corrected.getProjectId(), corrected.getEntryData(), corrected.getOccurredAt());
        } else if (event instanceof ParticipantLeft left) {
            return writeUnlessNewer(document, id, left.getProjectId(), ReplicaDocuments.LEFT_AT, left.getOccurredAt(),
                    participant -> participant.put(ReplicaDocuments.LEFT_ON, left.getLeftOn().toString()));
        } else if (event instanceof ParticipantErased erased) {
            Document participant = orNew(document, id, erased.getProjectId());
            participant.put(ReplicaDocuments.ERASED, true);
            return participant;
        }
        return document;
    }

    private static Document entryData(Document document, String id, String projectId, EntryData entryData, Instant occurredAt) {
        return writeUnlessNewer(document, id, projectId, ReplicaDocuments.ENTRY_DATA_AT, occurredAt, participant -> {
            participant.put(ReplicaDocuments.PROJECT_ID, projectId);
            participant.put(ReplicaDocuments.ENROLLED_ON, entryData.getEnrolledOn().toString());
        });
    }

    /**
     * Changes one part of the participant and sets its version to the event's time, unless the stored part is newer.
     * A missing document or a missing version field counts as older; the participant is created on first sight,
     * whichever event that is (a leaving may arrive before its enrolment).
     */
    private static Document writeUnlessNewer(Document document, String id, String projectId, String versionField,
            Instant occurredAt, Consumer<Document> change) {
        if (!newer(document, versionField, occurredAt)) {
            return document;
        }
        Document participant = orNew(document, id, projectId);
        change.accept(participant);
        participant.put(versionField, Date.from(occurredAt));
        return participant;
    }

    /** Whether an event of this time may write the part versioned by the field: not if the stored part is newer. */
    private static boolean newer(Document document, String versionField, Instant occurredAt) {
        Date stored = document == null ? null : document.getDate(versionField);
        return stored == null || !stored.toInstant().isAfter(occurredAt);
    }

    private static Document orNew(Document document, String id, String projectId) {
        return document != null ? document : new Document("_id", id).append(ReplicaDocuments.PROJECT_ID, projectId);
    }
}
