package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;

import se.stegvis.consumer.EventNotApplicable;
import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.EntryData;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.Target;
import se.stegvis.reporting.indicators.domain.CountedParticipant;
import se.stegvis.reporting.indicators.domain.EntryFacts;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;
import se.stegvis.reporting.indicators.domain.TargetDefinition;
import se.stegvis.reporting.indicators.domain.TargetUnit;

/**
 * The decoded Avro events as the projection's own; anything else (an unknown record type, a missing id) is an
 * {@link EventNotApplicable}, which the consumer policy sets aside on the dead-letter topic.
 */
final class EventTranslation {

    private EventTranslation() {
    }

    static ProjectionEvent translate(Object value) {
        if (!(value instanceof SpecificRecord)) {
            throw new EventNotApplicable("not a Stegvis event: " + (value == null ? "null (a tombstone)" : value.getClass().getName()));
        }
        try {
            return Objects.requireNonNull(translated(value), "translation");
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new EventNotApplicable("incomplete " + value.getClass().getSimpleName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static ProjectionEvent translated(Object value) {
        if (value instanceof ProjectDefined e) {
            return project(e);
        } else if (value instanceof ParticipantEnrolled e) {
            return new ParticipantEvent.Enrolled(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()), facts(e.getEntryData()));
        } else if (value instanceof ParticipantEntryDataCorrected e) {
            return new ParticipantEvent.EntryCorrected(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()), facts(e.getEntryData()));
        } else if (value instanceof ParticipantLeft e) {
            return new ParticipantEvent.Left(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()), e.getLeftOn());
        } else if (value instanceof ParticipantErased e) {
            return new ParticipantEvent.Erased(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()));
        } else if (value instanceof ActivityRecorded e) {
            return new ParticipantEvent.ActivityRecorded(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()),
                    new RecordedActivity(id(e.getActivityId()), shared(e.getType()), Objects.requireNonNull(e.getDate())));
        } else if (value instanceof ActivityRetracted e) {
            return new ParticipantEvent.ActivityRetracted(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()), id(e.getActivityId()));
        } else if (value instanceof OutcomeRecorded e) {
            return new ParticipantEvent.OutcomeRecorded(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()),
                    new RecordedOutcome(id(e.getOutcomeId()), shared(e.getType()), Objects.requireNonNull(e.getDate()), e.getFollowUp().name(), at(e.getOccurredAt())));
        } else if (value instanceof OutcomeRetracted e) {
            return new ParticipantEvent.OutcomeRetracted(id(e.getEventId()), at(e.getOccurredAt()), shared(e.getProjectId()), id(e.getParticipantId()), id(e.getOutcomeId()));
        }
        throw new EventNotApplicable("an event type the projection does not know: " + value.getClass().getSimpleName());
    }

    private static ProjectDefinition project(ProjectDefined e) {
        List<TargetDefinition> targets = e.getTargets().stream().map(EventTranslation::target).toList();
        return new ProjectDefinition(id(e.getEventId()), at(e.getOccurredAt()), Objects.requireNonNull(e.getProjectId()), e.getName(),
                e.getRegionName(), e.getNuts2(), e.getPlannedParticipants(), targets,
                e.getTargetGroups().stream().map(group -> shared(group.getCode())).toList(), e.getPeriodStart());
    }

    private static TargetDefinition target(Target t) {
        Map<String, Integer> shares = new HashMap<>();
        t.getGenderShares().forEach((gender, share) -> shares.put(gender.toString(), share));
        return new TargetDefinition(t.getCode(), t.getTarget(), TargetUnit.valueOf(t.getUnit().name()), strings(t.getOutcomeTypes()),
                strings(t.getActivityTypes()), t.getFollowUp() == null ? null : t.getFollowUp().name(), shares,
                shared(t.getTargetGroup()));
    }

    private static EntryFacts facts(EntryData entry) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(CountedParticipant.TARGET_GROUP, shared(entry.getTargetGroup()));
        attributes.put("labourMarketStatus", entry.getLabourMarketStatus().name());
        attributes.put("educationLevel", entry.getEducationLevel().name());
        attributes.put("disability", entry.getDisability().name());
        attributes.put("minority", entry.getMinority().name());
        attributes.put("thirdCountryNational", String.valueOf(entry.getThirdCountryNational()));
        attributes.put("foreignBackground", String.valueOf(entry.getForeignBackground()));
        attributes.put("homeless", String.valueOf(entry.getHomeless()));
        attributes.put("ruralArea", String.valueOf(entry.getRuralArea()));
        attributes.put(EntryFacts.ENROLLED_ON, shared(entry.getEnrolledOn().toString()));
        return new EntryFacts(Gender.valueOf(entry.getGender().name()), entry.getAgeAtEntry(), attributes);
    }

    private static Set<String> strings(List<? extends CharSequence> values) {
        return values.stream().map(CharSequence::toString).collect(Collectors.toSet());
    }

    /**
     * The one copy of a value that recurs across participants (a project id, a type code, a target group): the
     * working state holds every participant in memory, and a copy of each per event would be most of its size.
     */
    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    private static String id(Object uuid) {
        return Objects.requireNonNull(uuid, "id").toString();
    }

    private static Instant at(Instant occurredAt) {
        return Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
