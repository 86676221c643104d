package se.stegvis.activity.activities.adapter.in.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import se.stegvis.activity.activities.domain.ActivityFacts;

/** The body of POST /api/participants/{participantId}/activities, field names as DESIGN.md gives them. */
public record ActivityRequest(String type, LocalDate date, BigDecimal hours) {

    ActivityFacts facts() {
        return new ActivityFacts(type, date, hours);
    }
}
