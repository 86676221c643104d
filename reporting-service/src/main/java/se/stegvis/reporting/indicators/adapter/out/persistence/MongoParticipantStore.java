package se.stegvis.reporting.indicators.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

import se.stegvis.reporting.indicators.application.ConcurrentChange;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/**
 * Participants in {@code reporting_participants}, one document each. A batch is one unordered bulk write of inserts
 * (a new participant: a duplicate _id means someone else stored it first) and replacements conditional on the
 * revision read, so each document's check and change are one single-document write.
 *
 * <p>The condition is the flat filter {@code {_id, revision}} with a unique index on exactly those two fields. MongoDB
 * itself would answer it from the {@code _id} index alone; mongo-java-server (the local stack's and the tests' store)
 * uses an index only for a filter whose fields are exactly the index's, and would otherwise scan the whole collection
 * for every replacement, which made a replay quadratic in participants (docs/benchmarks/replay.md). On MongoDB the
 * extra index costs one more index entry per write.
 */
public final class MongoParticipantStore implements ParticipantStore {

    public static final String COLLECTION = "reporting_participants";

    private final MongoCollection<Document> documents;
    private volatile boolean indexed;

    public MongoParticipantStore(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    @Override
    public Map<String, Stored> participants(Collection<String> participantIds) {
        Map<String, Stored> found = new HashMap<>();
        if (participantIds.isEmpty()) {
            return found;
        }
        for (Document document : documents.find(in("_id", participantIds))) {
            found.put(document.getString("_id"), new Stored(ParticipantDocuments.participant(document),
                    document.get(ParticipantDocuments.REVISION, Number.class).longValue()));
        }
        return found;
    }

    @Override
    public void save(List<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        ensureIndex();
        List<WriteModel<Document>> writes = new ArrayList<>();
        int replacements = 0;
        for (Stored stored : changed) {
            Document document = ParticipantDocuments.document(stored.participant(), stored.revision() + 1);
            if (stored.revision() == 0) {
                writes.add(new InsertOneModel<>(document));
            } else {
                writes.add(new ReplaceOneModel<>(new Document("_id", document.get("_id"))
                        .append(ParticipantDocuments.REVISION, stored.revision()), document));
                replacements++;
            }
        }
        try {
            BulkWriteResult result = documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getMatchedCount() != replacements) {
                throw new ConcurrentChange("of this batch");
            }
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw new ConcurrentChange(changed.get(e.getWriteErrors().get(0).getIndex()).participant().participantId());
            }
            throw e;
        }
    }

    @Override
    public List<ProjectedParticipant> ofProject(String projectId) {
        List<ProjectedParticipant> found = new ArrayList<>();
        documents.find(eq(ParticipantDocuments.PROJECT_ID, projectId)).projection(Projections.exclude("appliedEventIds"))
                .forEach(document -> found.add(ParticipantDocuments.participant(document)));
        return found;
    }

    @Override
    public void forEach(Consumer<ProjectedParticipant> action) {
        documents.find().projection(Projections.exclude("appliedEventIds"))
                .forEach(document -> action.accept(ParticipantDocuments.participant(document)));
    }

    @Override
    public boolean isEmpty() {
        return documents.find().projection(Projections.include("_id")).limit(1).first() == null;
    }

    @Override
    public void clear() {
        documents.deleteMany(new Document());
    }

    private void ensureIndex() {
        if (!indexed) {
            documents.createIndex(Indexes.ascending(ParticipantDocuments.PROJECT_ID));
            documents.createIndex(Indexes.ascending("_id", ParticipantDocuments.REVISION), new IndexOptions().unique(true));
            indexed = true;
        }
    }
}
