package se.stegvis.activity.activities.adapter.out.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import se.stegvis.activity.activities.adapter.out.messaging.ActivityEvents;
import se.stegvis.activity.activities.application.Activities;
import se.stegvis.activity.activities.application.IdempotencyKeyTaken;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.schemas.EventTopic;

/**
 * Activities in MongoDB, one document each, holding its state and its pending events: recording is one insert,
 * retracting one conditional update. Hours are kept as a decimal string, exactly as accepted.
 *
 * <p>The retraction's condition is the flat filter {@code {_id, retracted: false}} with a unique index of exactly
 * those fields: mongo-java-server (the local stack's and the tests' store) answers a filter from an index only when
 * its fields are exactly a unique index's, and read every activity per retraction otherwise. MongoDB would answer it
 * from {@code _id} alone; there the index costs one more entry per write.
 */
public class MongoActivities implements Activities {

    /** The hash of the Idempotency-Key a record was created with (IdempotencyKey); never the key itself. */
    private static final String IDEMPOTENCY_KEY = "idempotencyKeyHash";
    /** Where releases before the hash kept the key in clear. */
    private static final String CLEAR_IDEMPOTENCY_KEY = "idempotencyKey";

    private final MongoCollection<Document> activities;

    public MongoActivities(MongoCollection<Document> activities) {
        this.activities = activities;
        activities.createIndex(Indexes.ascending("participantId"));
        activities.createIndex(Indexes.ascending(IDEMPOTENCY_KEY), new IndexOptions().unique(true).sparse(true));
        activities.createIndex(Indexes.ascending("_id", "retracted"), new IndexOptions().unique(true));
        // Keys that releases before hashing stored in clear are forgotten: a retry across the deploy is a new request.
        activities.updateMany(Filters.exists(CLEAR_IDEMPOTENCY_KEY, true), Updates.unset(CLEAR_IDEMPOTENCY_KEY));
    }

    @Override
    public Optional<Activity> find(UUID activityId) {
        return Optional.ofNullable(activities.find(eq("_id", activityId.toString())).first()).map(MongoActivities::activity);
    }

    @Override
    public List<Activity> currentOf(UUID participantId) {
        return activities.find(and(eq("participantId", participantId.toString()), eq("retracted", false)))
                .sort(Sorts.ascending("date", "_id")).map(MongoActivities::activity).into(new ArrayList<>());
    }

    @Override
    public Optional<Activity> byIdempotencyKey(String key) {
        return Optional.ofNullable(activities.find(eq(IDEMPOTENCY_KEY, key)).first()).map(MongoActivities::activity);
    }

    @Override
    public void add(Activity activity, ActivityEvent.Recorded event, String idempotencyKey) {
        Document document = state(activity);
        if (idempotencyKey != null) {
            document.append(IDEMPOTENCY_KEY, idempotencyKey);
        }
        try {
            activities.insertOne(Outbox.withEntries(document, List.of(entry(event))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && idempotencyKey != null) {
                throw new IdempotencyKeyTaken();
            }
            throw e;
        }
    }

    @Override
    public boolean retract(Activity retracted, ActivityEvent.Retracted event) {
        return activities.updateOne(new Document("_id", retracted.id().toString()).append("retracted", false),
                Updates.combine(Updates.set("retracted", true), Outbox.append(List.of(entry(event))))).getModifiedCount() == 1;
    }

    private static Document state(Activity activity) {
        return new Document("_id", activity.id().toString()).append("participantId", activity.participantId().toString())
                .append("projectId", activity.projectId()).append("type", activity.type())
                .append("date", activity.date().toString()).append("hours", activity.hours().toPlainString())
                .append("retracted", activity.retracted());
    }

    private static Activity activity(Document document) {
        return new Activity(UUID.fromString(document.getString("_id")), UUID.fromString(document.getString("participantId")),
                document.getString("projectId"), document.getString("type"), LocalDate.parse(document.getString("date")),
                new BigDecimal(document.getString("hours")), document.getBoolean("retracted", false));
    }

    private static OutboxEntry entry(ActivityEvent event) {
        return OutboxEntry.of(EventTopic.ACTIVITIES, event.participantId().toString(), ActivityEvents.toAvro(event));
    }
}
