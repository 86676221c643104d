package se.stegvis.activity.activities.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.stegvis.service.command.Violation;

/** The rules an activity is recorded by, one small function each, answering what is wrong (if anything). */
final class ActivityRules {

    static final BigDecimal MOST_HOURS_A_DAY = BigDecimal.valueOf(24);
    static final int HOURS_DECIMALS = 2;

    private ActivityRules() {
    }

    static Optional<Violation> type(String type, List<String> offered) {
        if (type == null || type.isBlank()) {
            return violation("/type", "is required");
        }
        if (!offered.contains(type)) {
            return violation("/type", "must be one of the project's activity types " + offered);
        }
        return Optional.empty();
    }

    static Optional<Violation> date(LocalDate date, LocalDate enrolledOn, LocalDate leftOn, LocalDate today) {
        if (date == null) {
            return violation("/date", "is required");
        }
        if (date.isBefore(enrolledOn)) {
            return violation("/date", "must be on or after the enrolment date " + enrolledOn);
        }
        if (leftOn != null && date.isAfter(leftOn)) {
            return violation("/date", "must be on or before the leaving date " + leftOn);
        }
        if (date.isAfter(today)) {
            return violation("/date", "must not be in the future");
        }
        return Optional.empty();
    }

    /** More than zero and at most a day, in hundredths at the finest (a quarter of an hour is 0.25). */
    static Optional<Violation> hours(BigDecimal hours) {
        if (hours == null) {
            return violation("/hours", "is required");
        }
        if (hours.signum() <= 0 || hours.compareTo(MOST_HOURS_A_DAY) > 0) {
            return violation("/hours", "must be more than 0 and at most " + MOST_HOURS_A_DAY);
        }
        if (hours.stripTrailingZeros().scale() > HOURS_DECIMALS) {
            return violation("/hours", "must have at most " + HOURS_DECIMALS + " decimals");
        }
        return Optional.empty();
    }

    /** Hours without trailing zeros, and never in exponent form: 1.50 is 1.5, 20 stays 20 (not 2E+1). */
    static BigDecimal normalized(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Optional<Violation> violation(String pointer, String message) {
        return Optional.of(new Violation(pointer, message));
    }
}
