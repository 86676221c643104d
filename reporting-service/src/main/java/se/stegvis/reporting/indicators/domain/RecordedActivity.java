package se.stegvis.reporting.indicators.domain;

import java.time.LocalDate;

/** An activity a participant took part in, as far as the indicators care. */
public record RecordedActivity(String activityId, String type, LocalDate date) {
}
