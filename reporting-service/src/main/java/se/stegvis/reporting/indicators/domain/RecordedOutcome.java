package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/** An outcome observed for a participant at a follow-up point (e.g. UPON_LEAVING, MONTHS_6). */
public record RecordedOutcome(String outcomeId, String type, LocalDate date, String followUp, Instant occurredAt) {

    /** Later date first decides, then the later acceptance, then the id, so every replay picks the same one. */
    static final Comparator<RecordedOutcome> CHRONOLOGICAL = Comparator.comparing(RecordedOutcome::date)
            .thenComparing(RecordedOutcome::occurredAt).thenComparing(RecordedOutcome::outcomeId);
}
