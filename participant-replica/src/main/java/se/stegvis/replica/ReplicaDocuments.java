package se.stegvis.replica;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.ProjectDefined;

/**
 * The replica's documents and what they read as. Only what {@link ReplicatedProject} and
 * {@link ReplicatedParticipant} need is stored; dates are ISO strings, the {@code …At} fields are the
 * {@code occurredAt} of the event that last wrote that part (see {@link MongoReplica}).
 */
final class ReplicaDocuments {

    static final String OCCURRED_AT = "occurredAt";
    static final String PROJECT_ID = "projectId";
    static final String ENROLLED_ON = "enrolledOn";
    static final String ENTRY_DATA_AT = "entryDataAt";
    static final String LEFT_ON = "leftOn";
    static final String LEFT_AT = "leftAt";
    static final String ERASED = "erased";
    static final String REVISION = "revision";

    private static final String PERIOD_START = "periodStart";
    private static final String PERIOD_END = "periodEnd";
    private static final String ACTIVITY_TYPES = "activityTypes";
    private static final String OUTCOME_TYPES = "outcomeTypes";
    private static final String FOLLOW_UP_POINTS = "followUpPoints";

    private ReplicaDocuments() {
    }

    static Document project(ProjectDefined defined) {
        return new Document("_id", defined.getProjectId())
                .append(OCCURRED_AT, Date.from(defined.getOccurredAt()))
                .append(PERIOD_START, defined.getPeriodStart().toString())
                .append(PERIOD_END, defined.getPeriodEnd().toString())
                .append(ACTIVITY_TYPES, List.copyOf(defined.getActivityTypes()))
                .append(OUTCOME_TYPES, List.copyOf(defined.getOutcomeTypes()))
                .append(FOLLOW_UP_POINTS, defined.getFollowUpPoints().stream().map(FollowUpPoint::name).toList());
    }

    static ReplicatedProject project(Document document) {
        return new ReplicatedProject(document.getString("_id"), date(document, PERIOD_START), date(document, PERIOD_END),
                document.getList(ACTIVITY_TYPES, String.class), document.getList(OUTCOME_TYPES, String.class),
                document.getList(FOLLOW_UP_POINTS, String.class));
    }

    static ReplicatedParticipant participant(Document document) {
        return new ReplicatedParticipant(UUID.fromString(document.getString("_id")), document.getString(PROJECT_ID),
                date(document, ENROLLED_ON), date(document, LEFT_ON), document.getBoolean(ERASED, false));
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
