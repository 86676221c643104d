package se.stegvis.reporting.indicators.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;

import se.stegvis.reporting.indicators.domain.EntryFacts;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.EntryVersion;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.Fact;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/**
 * The read model's documents, each keyed by its own id and of a size that does not grow with a participant's events:
 * a participant's facts; an activity; an outcome. What a participant is never goes into them: only the pseudonymous
 * id and the attributes the indicators count.
 */
final class ParticipantDocuments {

    static final String PARTICIPANT_ID = "participantId";
    /** Only documents of the read model's first form had it: each participant's applied eventIds. */
    static final String FIRST_FORM = "appliedEventIds";

    private ParticipantDocuments() {
    }

    static Document participant(ProjectedParticipant.Facts facts) {
        return new Document("_id", facts.participantId()).append("projectId", facts.projectId())
                .append("enrolled", facts.enrolled())
                .append("entry", facts.entry() == null ? null : entry(facts.entry(), facts.entryVersion()))
                .append("leftOn", facts.leftOn() == null ? null : facts.leftOn().toString())
                .append("left", facts.leftVersion() == null ? null : version(facts.leftVersion()))
                .append("erased", facts.erased())
                .append("erasedAt", facts.erasedAt() == null ? null : date(facts.erasedAt()))
                .append("lastOccurredAt", date(facts.lastOccurredAt()));
    }

    static ProjectedParticipant.Facts facts(Document document) {
        Document entry = document.get("entry", Document.class);
        String leftOn = document.getString("leftOn");
        Document left = document.get("left", Document.class);
        return new ProjectedParticipant.Facts(document.getString("_id"), shared(document.getString("projectId")),
                document.getBoolean("enrolled", false), entry == null ? null : entryFacts(entry),
                entry == null ? null : version(entry), leftOn == null ? null : LocalDate.parse(leftOn),
                left == null ? null : version(left), document.getBoolean("erased", false),
                document.getDate("erasedAt") == null ? null : instant(document.getDate("erasedAt")),
                instant(document.getDate("lastOccurredAt")));
    }

    /** Whether the participant's stored entry lacks the enrolment day that counting as of a day needs. */
    static boolean lacksEnrolmentDay(Document participant) {
        Document entry = participant.get("entry", Document.class);
        return entry != null && !entry.get("attributes", new Document()).containsKey(EntryFacts.ENROLLED_ON);
    }

    static Document activity(Fact<RecordedActivity> fact) {
        Document document = new Document("_id", fact.id()).append(PARTICIPANT_ID, fact.participantId())
                .append("retracted", fact.retracted());
        RecordedActivity activity = fact.recorded();
        if (activity != null) {
            document.append("type", activity.type()).append("date", activity.date().toString());
        }
        return document;
    }

    static Fact<RecordedActivity> activity(Document document) {
        String id = document.getString("_id");
        String type = document.getString("type");
        return new Fact<>(document.getString(PARTICIPANT_ID), id,
                type == null ? null : new RecordedActivity(id, type.intern(), LocalDate.parse(document.getString("date"))),
                document.getBoolean("retracted", false));
    }

    static Document outcome(Fact<RecordedOutcome> fact) {
        Document document = new Document("_id", fact.id()).append(PARTICIPANT_ID, fact.participantId())
                .append("retracted", fact.retracted());
        RecordedOutcome outcome = fact.recorded();
        if (outcome != null) {
            document.append("type", outcome.type()).append("date", outcome.date().toString())
                    .append("followUp", outcome.followUp()).append("occurredAt", date(outcome.occurredAt()));
        }
        return document;
    }

    static Fact<RecordedOutcome> outcome(Document document) {
        String id = document.getString("_id");
        String type = document.getString("type");
        return new Fact<>(document.getString(PARTICIPANT_ID), id, type == null ? null : new RecordedOutcome(id, type.intern(),
                LocalDate.parse(document.getString("date")), document.getString("followUp"), instant(document.getDate("occurredAt"))),
                document.getBoolean("retracted", false));
    }

    private static Document entry(EntryFacts entry, EntryVersion version) {
        return version(version).append("gender", entry.gender().name()).append("ageAtEntry", entry.ageAtEntry())
                .append("attributes", new Document(new HashMap<>(entry.attributes())));
    }

    private static EntryFacts entryFacts(Document entry) {
        Map<String, String> attributes = new HashMap<>();
        entry.get("attributes", Document.class).forEach((name, value) -> attributes.put(name.intern(), String.valueOf(value).intern()));
        return new EntryFacts(Gender.valueOf(entry.getString("gender")), entry.getInteger("ageAtEntry"), attributes);
    }

    /** One copy of a value that recurs across participants, as the working state holds them all in memory. */
    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    private static Document version(EntryVersion version) {
        return new Document("occurredAt", date(version.occurredAt())).append("rank", version.rank())
                .append("eventId", version.eventId());
    }

    private static EntryVersion version(Document document) {
        return new EntryVersion(instant(document.getDate("occurredAt")), document.getInteger("rank", 0), document.getString("eventId"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
