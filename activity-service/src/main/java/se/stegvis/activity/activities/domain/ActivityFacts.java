package se.stegvis.activity.activities.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a request says about an activity; any part may be missing, which the rules report with the others. */
public record ActivityFacts(String type, LocalDate date, BigDecimal hours) {
}
