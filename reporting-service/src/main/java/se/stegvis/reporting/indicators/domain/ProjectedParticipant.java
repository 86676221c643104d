package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the projection knows about one participant, whatever order their events came in and however often each
 * came.
 *
 * <p>The state is a join of the events: applying an event again changes nothing, and any order of the same events
 * ends in the same state, so no event id needs remembering. Records and retractions are kept by the activity's or
 * outcome's id (a retraction is kept even before its record, so a record that arrives after its retraction never
 * counts); of the entry data (enrolment and corrections each carry all of it) the version accepted last wins, by
 * occurredAt, a correction before an enrolment of the same instant, then eventId; of leavings the latest by occurredAt,
 * then eventId. The participant counts only once enrolled.
 *
 * <p>What is stored of it is bounded however many events the participant gets: {@link #facts()} is of fixed size, and
 * each activity and outcome is a {@link Fact} of its own ({@link #activity(String)}, {@link #outcome(String)}).
 */
public final class ProjectedParticipant {

    private static final Comparator<EntryVersion> ENTRY_ORDER = Comparator.comparing(EntryVersion::occurredAt)
            .thenComparing(EntryVersion::rank).thenComparing(EntryVersion::eventId);

    /** Which event wrote the entry data (rank 0 an enrolment, 1 a correction), or the leaving date (rank 0). */
    public record EntryVersion(Instant occurredAt, int rank, String eventId) {
    }

    /**
     * The participant's own facts, without their activities and outcomes: of a size that does not grow.
     * {@code erasedAt} is when the (earliest) erasure was accepted, null when none is known or the stored facts predate
     * keeping it; a submitted ESF+ report counts the erasures after it was sent by it.
     */
    public record Facts(String participantId, String projectId, boolean enrolled, EntryFacts entry, EntryVersion entryVersion,
                        LocalDate leftOn, EntryVersion leftVersion, boolean erased, Instant erasedAt, Instant lastOccurredAt) {
    }

    /**
     * One activity or outcome of a participant, by its id: what was recorded (null while only its retraction is known)
     * and whether it was retracted.
     */
    public record Fact<T>(String participantId, String id, T recorded, boolean retracted) {
    }

    /** The whole state, for comparing two participants. */
    public record State(Facts facts, Map<String, RecordedActivity> activities, Set<String> retractedActivities,
                        Map<String, RecordedOutcome> outcomes, Set<String> retractedOutcomes) {
    }

    private final String participantId;
    private String projectId;
    private boolean enrolled;
    private EntryFacts entry;
    private EntryVersion entryVersion;
    private final Map<String, RecordedActivity> activities = new HashMap<>();
    private final Set<String> retractedActivities = new HashSet<>();
    private final Map<String, RecordedOutcome> outcomes = new HashMap<>();
    private final Set<String> retractedOutcomes = new HashSet<>();
    private LocalDate leftOn;
    private EntryVersion leftVersion;
    private boolean erased;
    private Instant erasedAt;
    private Instant lastOccurredAt;

    private ProjectedParticipant(String participantId) {
        this.participantId = participantId;
    }

    /** A participant no event has been applied to yet. */
    public static ProjectedParticipant unknown(String participantId) {
        return new ProjectedParticipant(participantId);
    }

    /** A participant as stored: their facts, activities and outcomes. */
    public static ProjectedParticipant restored(Facts facts, Collection<Fact<RecordedActivity>> activities,
            Collection<Fact<RecordedOutcome>> outcomes) {
        ProjectedParticipant participant = new ProjectedParticipant(facts.participantId());
        participant.restore(facts);
        activities.forEach(participant::restoreActivity);
        outcomes.forEach(participant::restoreOutcome);
        return participant;
    }

    /** Takes stored facts (of this participant). */
    public void restore(Facts facts) {
        requireOwn(facts.participantId());
        projectId = facts.projectId();
        enrolled = facts.enrolled();
        entry = facts.entry();
        entryVersion = facts.entryVersion();
        leftOn = facts.leftOn();
        leftVersion = facts.leftVersion();
        erased = facts.erased();
        erasedAt = facts.erasedAt();
        lastOccurredAt = facts.lastOccurredAt();
    }

    /** Takes a stored activity (of this participant). */
    public void restoreActivity(Fact<RecordedActivity> activity) {
        requireOwn(activity.participantId());
        if (activity.recorded() != null) {
            activities.put(activity.id(), activity.recorded());
        }
        if (activity.retracted()) {
            retractedActivities.add(activity.id());
        }
    }

    /** Takes a stored outcome (of this participant). */
    public void restoreOutcome(Fact<RecordedOutcome> outcome) {
        requireOwn(outcome.participantId());
        if (outcome.recorded() != null) {
            outcomes.put(outcome.id(), outcome.recorded());
        }
        if (outcome.retracted()) {
            retractedOutcomes.add(outcome.id());
        }
    }

    /** Applies the event; true when it changed the state (false for one applied before). */
    public boolean apply(ParticipantEvent event) {
        requireOwn(event.participantId());
        boolean changed = false;
        if (projectId == null) {
            projectId = event.projectId();
            changed = true;
        }
        if (lastOccurredAt == null || event.occurredAt().isAfter(lastOccurredAt)) {
            lastOccurredAt = event.occurredAt();
            changed = true;
        }
        if (event instanceof ParticipantEvent.Enrolled enrolment) {
            changed |= !enrolled;
            enrolled = true;
            changed |= takeEntry(enrolment.entry(), new EntryVersion(event.occurredAt(), 0, event.eventId()));
        } else if (event instanceof ParticipantEvent.EntryCorrected correction) {
            changed |= takeEntry(correction.entry(), new EntryVersion(event.occurredAt(), 1, event.eventId()));
        } else if (event instanceof ParticipantEvent.Left left) {
            EntryVersion version = new EntryVersion(event.occurredAt(), 0, event.eventId());
            if (leftVersion == null || ENTRY_ORDER.compare(version, leftVersion) > 0) {
                leftOn = left.leftOn();
                leftVersion = version;
                changed = true;
            }
        } else if (event instanceof ParticipantEvent.Erased) {
            changed |= !erased;
            erased = true; // the anonymous contribution stays: nothing else changes
            if (erasedAt == null || event.occurredAt().isBefore(erasedAt)) {
                erasedAt = event.occurredAt(); // the earliest, whatever the order: a repeated erasure is the same one
                changed = true;
            }
        } else if (event instanceof ParticipantEvent.ActivityRecorded recorded) {
            changed |= !recorded.activity().equals(activities.put(recorded.activity().activityId(), recorded.activity()));
        } else if (event instanceof ParticipantEvent.ActivityRetracted retracted) {
            changed |= retractedActivities.add(retracted.activityId());
        } else if (event instanceof ParticipantEvent.OutcomeRecorded recorded) {
            changed |= !recorded.outcome().equals(outcomes.put(recorded.outcome().outcomeId(), recorded.outcome()));
        } else if (event instanceof ParticipantEvent.OutcomeRetracted retracted) {
            changed |= retractedOutcomes.add(retracted.outcomeId());
        }
        return changed;
    }

    private boolean takeEntry(EntryFacts facts, EntryVersion version) {
        if (entryVersion == null || ENTRY_ORDER.compare(version, entryVersion) > 0) {
            entry = facts;
            entryVersion = version;
            return true;
        }
        return false;
    }

    private void requireOwn(String id) {
        if (!participantId.equals(id)) {
            throw new IllegalArgumentException("A fact of participant " + id + " is not for " + participantId);
        }
    }

    /**
     * What the participant counts as on {@code day}, by the business dates: null until enrolled (their enrolment
     * event has arrived and its day has come); the outcomes and activities dated on or before the day, unless
     * retracted; and the follow-up points that had come by then. Entry data is the latest (a correction corrects the
     * entry, whenever it was made).
     */
    public CountedParticipant counted(IndicatorCatalogue catalogue, LocalDate day) {
        LocalDate enrolledOn = enrolled ? entry.enrolledOn() : null;
        if (!enrolled || enrolledOn != null && enrolledOn.isAfter(day)) {
            return null;
        }
        List<RecordedOutcome> current = outcomes.values().stream()
                .filter(outcome -> !retractedOutcomes.contains(outcome.outcomeId()) && !outcome.date().isAfter(day)).toList();
        Set<String> activityTypes = activities.values().stream()
                .filter(activity -> !retractedActivities.contains(activity.activityId()) && !activity.date().isAfter(day))
                .map(RecordedActivity::type).collect(Collectors.toSet());
        return new CountedParticipant(entry, catalogue.counting(current), activityTypes, catalogue.followUpsCome(leftOn, day));
    }

    public String participantId() {
        return participantId;
    }

    /** Null until an event has told which project. */
    public String projectId() {
        return projectId;
    }

    /** When the participant's personal data was erased (the earliest erasure accepted), null when it was not. */
    public Instant erasedAt() {
        return erasedAt;
    }

    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    public Facts facts() {
        return new Facts(participantId, projectId, enrolled, entry, entryVersion, leftOn, leftVersion, erased, erasedAt, lastOccurredAt);
    }

    /** The activity with this id as far as it is known (it may be unknown: recorded null, not retracted). */
    public Fact<RecordedActivity> activity(String activityId) {
        return new Fact<>(participantId, activityId, activities.get(activityId), retractedActivities.contains(activityId));
    }

    /** The outcome with this id as far as it is known (it may be unknown: recorded null, not retracted). */
    public Fact<RecordedOutcome> outcome(String outcomeId) {
        return new Fact<>(participantId, outcomeId, outcomes.get(outcomeId), retractedOutcomes.contains(outcomeId));
    }

    /** Every activity known of the participant: recorded, retracted, or both. */
    public List<Fact<RecordedActivity>> activities() {
        Set<String> ids = new HashSet<>(activities.keySet());
        ids.addAll(retractedActivities);
        return ids.stream().map(this::activity).toList();
    }

    /** Every outcome known of the participant: recorded, retracted, or both. */
    public List<Fact<RecordedOutcome>> outcomes() {
        Set<String> ids = new HashSet<>(outcomes.keySet());
        ids.addAll(retractedOutcomes);
        return ids.stream().map(this::outcome).toList();
    }

    public State state() {
        return new State(facts(), Map.copyOf(activities), Set.copyOf(retractedActivities), Map.copyOf(outcomes),
                Set.copyOf(retractedOutcomes));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectedParticipant that && state().equals(that.state());
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, projectId, lastOccurredAt);
    }
}
