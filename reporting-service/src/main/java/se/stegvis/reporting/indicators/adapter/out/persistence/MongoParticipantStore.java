package se.stegvis.reporting.indicators.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/**
 * The read model's checkpoint in three collections: {@value #PARTICIPANTS} (a participant's facts),
 * {@value #ACTIVITIES} and {@value #OUTCOMES} (one document per activity and per outcome, with its participant's id).
 * A checkpoint is one unordered bulk write per collection of whole documents, each replacing (or inserting) the
 * document of its {@code _id}: the filter names {@code _id} alone, which MongoDB and mongo-java-server (the local
 * stack's and the tests' store, which uses an index only for a filter of exactly the index's fields) both answer from
 * the {@code _id} index, and writing a document again changes nothing.
 *
 * <p>The documents of participants the store holds nothing of ({@link Changes#unstored()}: after a rebuild, all of them)
 * are inserted instead: an upsert that finds nothing costs a lookup and then the insert (on the local stack's
 * file-backed server, 100,000 upserts into an empty collection took twice as long as inserting them). A document
 * that is there after all (an earlier checkpoint died part-way) fails its insert as a duplicate and is replaced.
 */
public final class MongoParticipantStore implements ParticipantStore {

    public static final String PARTICIPANTS = "reporting_participants";
    public static final String ACTIVITIES = "reporting_activities";
    public static final String OUTCOMES = "reporting_outcomes";

    /** Documents per bulk write: a checkpoint of a replay may hold hundreds of thousands. */
    private static final int CHUNK = 1_000;
    /**
     * Documents per reply when the checkpoint is read back. Asked for explicitly: a server that answers a cursor's
     * next batch with everything left (mongo-java-server does) would otherwise send one reply beyond the driver's
     * 48 MB limit once a hundred thousand participants are stored, and the service could not start on its checkpoint.
     */
    static final int READ_BATCH = 1_000;

    private final MongoCollection<Document> participants;
    private final MongoCollection<Document> activities;
    private final MongoCollection<Document> outcomes;

    public MongoParticipantStore(MongoDatabase database) {
        this(database.getCollection(PARTICIPANTS), database.getCollection(ACTIVITIES), database.getCollection(OUTCOMES));
    }

    MongoParticipantStore(MongoCollection<Document> participants, MongoCollection<Document> activities,
            MongoCollection<Document> outcomes) {
        this.participants = participants;
        this.activities = activities;
        this.outcomes = outcomes;
    }

    @Override
    public void save(Changes changes) {
        Set<String> unstored = changes.unstored();
        write(activities, changes.activities(), fact -> unstored.contains(fact.participantId()), ParticipantDocuments::activity);
        write(outcomes, changes.outcomes(), fact -> unstored.contains(fact.participantId()), ParticipantDocuments::outcome);
        write(participants, changes.participants(), facts -> unstored.contains(facts.participantId()), ParticipantDocuments::participant);
    }

    /** Each chunk's documents are made when it is written: a checkpoint written whole (a flush) may hold hundreds of thousands. */
    private static <T> void write(MongoCollection<Document> collection, List<T> items, Predicate<T> unstored,
            Function<T, Document> document) {
        List<T> inserts = new ArrayList<>();
        List<T> replacements = new ArrayList<>();
        for (T item : items) {
            (unstored.test(item) ? inserts : replacements).add(item);
        }
        for (int from = 0; from < inserts.size(); from += CHUNK) {
            List<Document> chunk = documents(inserts, from, document);
            try {
                collection.insertMany(chunk, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException someThere) {
                replace(collection, alreadyThere(chunk, someThere));
            }
        }
        for (int from = 0; from < replacements.size(); from += CHUNK) {
            replace(collection, documents(replacements, from, document));
        }
    }

    private static <T> List<Document> documents(List<T> items, int from, Function<T, Document> document) {
        return items.subList(from, Math.min(items.size(), from + CHUNK)).stream().map(document).toList();
    }

    /** The documents whose insert failed because one of their id is there; any other failure is thrown. */
    private static List<Document> alreadyThere(List<Document> chunk, MongoBulkWriteException failure) {
        List<Document> there = new ArrayList<>();
        for (BulkWriteError error : failure.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw failure;
            }
            there.add(chunk.get(error.getIndex()));
        }
        if (there.isEmpty() || failure.getWriteConcernError() != null) {
            throw failure;
        }
        return there;
    }

    private static void replace(MongoCollection<Document> collection, List<Document> documents) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (Document written : documents) {
            writes.add(new ReplaceOneModel<>(eq("_id", written.get("_id")), written, upsert));
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public void load(Consumer<ProjectedParticipant> each) {
        Map<String, ProjectedParticipant> read = new HashMap<>();
        for (Document document : participants.find().batchSize(READ_BATCH)) {
            ProjectedParticipant.Facts facts = ParticipantDocuments.facts(document);
            ProjectedParticipant participant = ProjectedParticipant.unknown(facts.participantId());
            participant.restore(facts);
            read.put(facts.participantId(), participant);
        }
        // An activity or outcome without its participant's document is one a checkpoint stored before it got to the
        // participant (it died part-way): the replay from the committed offsets brings the rest.
        for (Document document : activities.find().batchSize(READ_BATCH)) {
            String participantId = document.getString(ParticipantDocuments.PARTICIPANT_ID);
            read.computeIfAbsent(participantId, ProjectedParticipant::unknown).restoreActivity(ParticipantDocuments.activity(document));
        }
        for (Document document : outcomes.find().batchSize(READ_BATCH)) {
            String participantId = document.getString(ParticipantDocuments.PARTICIPANT_ID);
            read.computeIfAbsent(participantId, ProjectedParticipant::unknown).restoreOutcome(ParticipantDocuments.outcome(document));
        }
        read.values().forEach(each);
    }

    @Override
    public boolean isEmpty() {
        return participants.find().limit(1).first() == null;
    }

    /**
     * The read model's first form kept every applied eventId in the participant's document, and activities in it. A
     * participant's entry without its enrolment day could not be counted as of a day; every form so far kept it among
     * the entry attributes, and one that did not would be made again from the topics.
     */
    @Override
    public boolean ofAnEarlierForm() {
        Document any = participants.find().limit(1).first();
        return any != null && (any.containsKey(ParticipantDocuments.FIRST_FORM) || ParticipantDocuments.lacksEnrolmentDay(any));
    }

    /** Drops the collections rather than deleting document by document: a rebuild of 100,000 participants begins at once. */
    @Override
    public void clear() {
        participants.drop();
        activities.drop();
        outcomes.drop();
    }
}
