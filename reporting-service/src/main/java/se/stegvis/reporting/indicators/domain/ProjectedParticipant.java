package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the projection knows about one participant, whatever order their events came in.
 *
 * <p>Idempotent: an eventId applied once is remembered and changes nothing again. Order-tolerant: records,
 * retractions and corrections are kept before the enrolment lands (the participant counts only once enrolled); a
 * retraction is remembered by id, so a record that arrives after its retraction never counts; of the entry data
 * (enrolment and corrections each carry all of it) the version accepted last wins, by occurredAt, a correction before
 * an enrolment of the same instant, then eventId. So any order of the same events ends in the same state.
 */
public final class ProjectedParticipant {

    private static final Comparator<EntryVersion> ENTRY_ORDER = Comparator.comparing(EntryVersion::occurredAt)
            .thenComparing(EntryVersion::rank).thenComparing(EntryVersion::eventId);

    /** Which event wrote the entry data: rank 0 an enrolment, 1 a correction. */
    public record EntryVersion(Instant occurredAt, int rank, String eventId) {
    }

    /** The state as stored; {@code appliedEventIds} includes every event that made it. */
    public record State(String participantId, String projectId, boolean enrolled, EntryFacts entry, EntryVersion entryVersion,
                        Map<String, RecordedActivity> activities, Set<String> retractedActivities,
                        Map<String, RecordedOutcome> outcomes, Set<String> retractedOutcomes, LocalDate leftOn,
                        boolean erased, Instant lastOccurredAt, Set<String> appliedEventIds) {
    }

    private final String participantId;
    private String projectId;
    private boolean enrolled;
    private EntryFacts entry;
    private EntryVersion entryVersion;
    private final Map<String, RecordedActivity> activities;
    private final Set<String> retractedActivities;
    private final Map<String, RecordedOutcome> outcomes;
    private final Set<String> retractedOutcomes;
    private LocalDate leftOn;
    private boolean erased;
    private Instant lastOccurredAt;
    private final Set<String> appliedEventIds;

    public ProjectedParticipant(State state) {
        participantId = state.participantId();
        projectId = state.projectId();
        enrolled = state.enrolled();
        entry = state.entry();
        entryVersion = state.entryVersion();
        activities = new HashMap<>(state.activities());
        retractedActivities = new HashSet<>(state.retractedActivities());
        outcomes = new HashMap<>(state.outcomes());
        retractedOutcomes = new HashSet<>(state.retractedOutcomes());
        leftOn = state.leftOn();
        erased = state.erased();
        lastOccurredAt = state.lastOccurredAt();
        appliedEventIds = new HashSet<>(state.appliedEventIds());
    }

    /** A participant no event has been applied to yet. */
    public static ProjectedParticipant unknown(String participantId) {
        return new ProjectedParticipant(new State(participantId, null, false, null, null, Map.of(), Set.of(), Map.of(),
                Set.of(), null, false, null, Set.of()));
    }

    /** Applies the event unless it was applied before; true when it was new (and so the state may have changed). */
    public boolean apply(ParticipantEvent event) {
        if (!participantId.equals(event.participantId())) {
            throw new IllegalArgumentException("An event of participant " + event.participantId() + " is not for " + participantId);
        }
        if (!appliedEventIds.add(event.eventId())) {
            return false;
        }
        projectId = projectId == null ? event.projectId() : projectId;
        lastOccurredAt = lastOccurredAt == null || event.occurredAt().isAfter(lastOccurredAt) ? event.occurredAt() : lastOccurredAt;
        if (event instanceof ParticipantEvent.Enrolled enrolment) {
            enrolled = true;
            takeEntry(enrolment.entry(), new EntryVersion(event.occurredAt(), 0, event.eventId()));
        } else if (event instanceof ParticipantEvent.EntryCorrected correction) {
            takeEntry(correction.entry(), new EntryVersion(event.occurredAt(), 1, event.eventId()));
        } else if (event instanceof ParticipantEvent.Left left) {
            leftOn = left.leftOn();
        } else if (event instanceof ParticipantEvent.Erased) {
            erased = true; // the anonymous contribution stays: nothing else changes
        } else if (event instanceof ParticipantEvent.ActivityRecorded recorded) {
            activities.put(recorded.activity().activityId(), recorded.activity());
        } else if (event instanceof ParticipantEvent.ActivityRetracted retracted) {
            retractedActivities.add(retracted.activityId());
        } else if (event instanceof ParticipantEvent.OutcomeRecorded recorded) {
            outcomes.put(recorded.outcome().outcomeId(), recorded.outcome());
        } else if (event instanceof ParticipantEvent.OutcomeRetracted retracted) {
            retractedOutcomes.add(retracted.outcomeId());
        }
        return true;
    }

    private void takeEntry(EntryFacts facts, EntryVersion version) {
        if (entryVersion == null || ENTRY_ORDER.compare(version, entryVersion) > 0) {
            entry = facts;
            entryVersion = version;
        }
    }

    /** Counts once enrolled; until then null. */
    public CountedParticipant counted(IndicatorCatalogue catalogue) {
        if (!enrolled) {
            return null;
        }
        List<RecordedOutcome> current = outcomes.values().stream()
                .filter(outcome -> !retractedOutcomes.contains(outcome.outcomeId())).toList();
        Set<String> activityTypes = activities.values().stream()
                .filter(activity -> !retractedActivities.contains(activity.activityId()))
                .map(RecordedActivity::type).collect(Collectors.toSet());
        return new CountedParticipant(entry, catalogue.counting(current), activityTypes);
    }

    public String participantId() {
        return participantId;
    }

    /** Null until an event has told which project. */
    public String projectId() {
        return projectId;
    }

    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    public State state() {
        return new State(participantId, projectId, enrolled, entry, entryVersion, Map.copyOf(activities),
                Set.copyOf(retractedActivities), Map.copyOf(outcomes), Set.copyOf(retractedOutcomes), leftOn, erased,
                lastOccurredAt, Set.copyOf(appliedEventIds));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectedParticipant that && state().equals(that.state());
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, appliedEventIds);
    }
}
