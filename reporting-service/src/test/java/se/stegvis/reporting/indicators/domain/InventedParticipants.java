package se.stegvis.reporting.indicators.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import se.stegvis.reporting.indicators.adapter.out.catalogue.JsonIndicatorCatalogue;

/** Invented participants and their events for the domain and application tests. */
public final class InventedParticipants {

    public static final String PROJECT = "99-001-T01";
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    /** The day the tests count for unless they say otherwise: after every date the invented events carry. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** A clock on {@link #TODAY}, noon in Stockholm. */
    public static final Clock CLOCK = clockOn(TODAY);
    public static final IndicatorCatalogue CATALOGUE = JsonIndicatorCatalogue.fromClassPath(JsonIndicatorCatalogue.DEFAULT);

    private InventedParticipants() {
    }

    /** A clock standing still at noon, Stockholm time, on the day. */
    public static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
    }

    public static Map<String, String> attributes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("enrolledOn", "2025-03-01");
        attributes.put("labourMarketStatus", "UNEMPLOYED");
        attributes.put("educationLevel", "ISCED_3_4");
        attributes.put("disability", "NO");
        attributes.put("minority", "NO");
        attributes.put("thirdCountryNational", "false");
        attributes.put("foreignBackground", "false");
        attributes.put("homeless", "false");
        attributes.put("ruralArea", "false");
        attributes.put("targetGroup", "INVENTED_GROUP");
        return attributes;
    }

    public static EntryFacts entry(Gender gender, int age, String... overrides) {
        Map<String, String> attributes = attributes();
        for (int i = 0; i < overrides.length; i += 2) {
            attributes.put(overrides[i], overrides[i + 1]);
        }
        return new EntryFacts(gender, age, attributes);
    }

    public static ParticipantEvent.Enrolled enrolled(String participant, EntryFacts entry) {
        return new ParticipantEvent.Enrolled(UUID.randomUUID().toString(), T0, PROJECT, participant, entry);
    }

    public static ParticipantEvent.EntryCorrected corrected(String participant, EntryFacts entry, Instant at) {
        return new ParticipantEvent.EntryCorrected(UUID.randomUUID().toString(), at, PROJECT, participant, entry);
    }

    public static ParticipantEvent.OutcomeRecorded outcome(String participant, String outcomeId, String type, String followUp,
            LocalDate date, Instant at) {
        return new ParticipantEvent.OutcomeRecorded(UUID.randomUUID().toString(), at, PROJECT, participant,
                new RecordedOutcome(outcomeId, type, date, followUp, at));
    }

    public static ParticipantEvent.OutcomeRetracted outcomeRetracted(String participant, String outcomeId, Instant at) {
        return new ParticipantEvent.OutcomeRetracted(UUID.randomUUID().toString(), at, PROJECT, participant, outcomeId);
    }

    public static ParticipantEvent.ActivityRecorded activity(String participant, String activityId, String type) {
        return new ParticipantEvent.ActivityRecorded(UUID.randomUUID().toString(), T0.plusSeconds(60), PROJECT, participant,
                new RecordedActivity(activityId, type, LocalDate.of(2025, 3, 10)));
    }

    public static ParticipantEvent.ActivityRetracted activityRetracted(String participant, String activityId) {
        return new ParticipantEvent.ActivityRetracted(UUID.randomUUID().toString(), T0.plusSeconds(120), PROJECT, participant, activityId);
    }

    public static ParticipantEvent.Left left(String participant) {
        return new ParticipantEvent.Left(UUID.randomUUID().toString(), T0.plusSeconds(3600), PROJECT, participant, LocalDate.of(2025, 7, 20));
    }

    public static ParticipantEvent.Erased erased(String participant) {
        return new ParticipantEvent.Erased(UUID.randomUUID().toString(), T0.plusSeconds(7200), PROJECT, participant);
    }

    public static TargetDefinition target(String code, int target, TargetUnit unit, Set<String> outcomeTypes,
            Set<String> activityTypes, String followUp, Map<String, Integer> shares) {
        return new TargetDefinition(code, target, unit, outcomeTypes, activityTypes, followUp, shares);
    }

    public static ProjectDefinition project(List<TargetDefinition> targets) {
        return project(targets, List.of("INVENTED_GROUP"));
    }

    public static ProjectDefinition project(List<TargetDefinition> targets, List<String> targetGroups) {
        return new ProjectDefinition(UUID.randomUUID().toString(), T0, PROJECT, "Påhittat projekt", "Sydsverige", "SE22", 120, targets,
                targetGroups);
    }

    /** A participant with these events applied, in this order. */
    public static ProjectedParticipant participant(String id, ParticipantEvent... events) {
        ProjectedParticipant participant = ProjectedParticipant.unknown(id);
        for (ParticipantEvent event : events) {
            participant.apply(event);
        }
        return participant;
    }
}
