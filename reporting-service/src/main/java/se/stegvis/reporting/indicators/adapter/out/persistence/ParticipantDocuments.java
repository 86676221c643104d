package se.stegvis.reporting.indicators.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import se.stegvis.reporting.indicators.domain.EntryFacts;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.EntryVersion;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/** A participant's document: its whole projected state, its applied eventIds and a revision for conditional writes. */
final class ParticipantDocuments {

    static final String PROJECT_ID = "projectId";
    static final String REVISION = "revision";

    private ParticipantDocuments() {
    }

    static Document document(ProjectedParticipant participant, long revision) {
        ProjectedParticipant.State state = participant.state();
        Document document = new Document("_id", state.participantId()).append(PROJECT_ID, state.projectId())
                .append(REVISION, revision).append("enrolled", state.enrolled())
                .append("entry", state.entry() == null ? null : entry(state.entry(), state.entryVersion()))
                .append("activities", state.activities().values().stream().map(a -> new Document("activityId", a.activityId())
                        .append("type", a.type()).append("date", a.date().toString())).toList())
                .append("retractedActivities", List.copyOf(state.retractedActivities()))
                .append("outcomes", state.outcomes().values().stream().map(o -> new Document("outcomeId", o.outcomeId())
                        .append("type", o.type()).append("date", o.date().toString()).append("followUp", o.followUp())
                        .append("occurredAt", Date.from(o.occurredAt()))).toList())
                .append("retractedOutcomes", List.copyOf(state.retractedOutcomes()))
                .append("leftOn", state.leftOn() == null ? null : state.leftOn().toString())
                .append("erased", state.erased())
                .append("lastOccurredAt", state.lastOccurredAt() == null ? null : Date.from(state.lastOccurredAt()))
                .append("appliedEventIds", List.copyOf(state.appliedEventIds()));
        return document;
    }

    private static Document entry(EntryFacts entry, EntryVersion version) {
        return new Document("gender", entry.gender().name()).append("ageAtEntry", entry.ageAtEntry())
                .append("attributes", new Document(new HashMap<>(entry.attributes())))
                .append("occurredAt", Date.from(version.occurredAt())).append("rank", version.rank())
                .append("eventId", version.eventId());
    }

    static ProjectedParticipant participant(Document document) {
        Document entry = document.get("entry", Document.class);
        Map<String, RecordedActivity> activities = new HashMap<>();
        for (Document a : document.getList("activities", Document.class, List.of())) {
            activities.put(a.getString("activityId"), new RecordedActivity(a.getString("activityId"), a.getString("type"),
                    LocalDate.parse(a.getString("date"))));
        }
        Map<String, RecordedOutcome> outcomes = new HashMap<>();
        for (Document o : document.getList("outcomes", Document.class, List.of())) {
            outcomes.put(o.getString("outcomeId"), new RecordedOutcome(o.getString("outcomeId"), o.getString("type"),
                    LocalDate.parse(o.getString("date")), o.getString("followUp"), instant(o.getDate("occurredAt"))));
        }
        String leftOn = document.getString("leftOn");
        return new ProjectedParticipant(new ProjectedParticipant.State(document.getString("_id"), document.getString(PROJECT_ID),
                document.getBoolean("enrolled", false), entry == null ? null : facts(entry),
                entry == null ? null : new EntryVersion(instant(entry.getDate("occurredAt")), entry.getInteger("rank"),
                        entry.getString("eventId")),
                activities, new HashSet<>(document.getList("retractedActivities", String.class, List.of())), outcomes,
                new HashSet<>(document.getList("retractedOutcomes", String.class, List.of())),
                leftOn == null ? null : LocalDate.parse(leftOn), document.getBoolean("erased", false),
                instant(document.getDate("lastOccurredAt")),
                new HashSet<>(document.getList("appliedEventIds", String.class, List.of()))));
    }

    private static EntryFacts facts(Document entry) {
        Map<String, String> attributes = new HashMap<>();
        entry.get("attributes", Document.class).forEach((name, value) -> attributes.put(name, String.valueOf(value)));
        return new EntryFacts(Gender.valueOf(entry.getString("gender")), entry.getInteger("ageAtEntry"), attributes);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
