package se.stegvis.participant.audit.adapter.out.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;

/** The audit trail in its own MongoDB collection; this class only inserts and reads. */
public class MongoAuditTrail implements AuditTrail {

    private final MongoCollection<Document> entries;

    public MongoAuditTrail(MongoCollection<Document> entries) {
        this.entries = entries;
        entries.createIndex(Indexes.ascending("participantIds"));
        entries.createIndex(Indexes.ascending("subject"));
        entries.createIndex(Indexes.descending("at"));
    }

    @Override
    public void record(AuditEntry entry) {
        entries.insertOne(AuditDocuments.of(entry));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.participantId() != null) {
            filters.add(eq("participantIds", query.participantId().toString()));
        }
        if (query.subject() != null) {
            filters.add(eq("subject", query.subject()));
        }
        if (query.from() != null) {
            filters.add(gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(lt("at", Date.from(query.to())));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        return entries.find(filter).sort(Sorts.descending("at", "_id")).limit(query.limit()).map(AuditDocuments::entry)
                .into(new ArrayList<>());
    }
}
