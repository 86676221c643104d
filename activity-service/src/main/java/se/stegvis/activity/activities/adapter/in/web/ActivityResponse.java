package se.stegvis.activity.activities.adapter.in.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import se.stegvis.activity.activities.domain.Activity;

/** One current activity of a participant, as listed. */
public record ActivityResponse(String activityId, String type, LocalDate date, BigDecimal hours) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.id().toString(), activity.type(), activity.date(), activity.hours());
    }
}
