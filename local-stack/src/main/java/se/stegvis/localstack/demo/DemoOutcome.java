package se.stegvis.localstack.demo;

import java.time.LocalDate;

/**
 * One outcome to record, and the follow-up point outcome-service should file it under (DURING_PARTICIPATION before
 * leaving or without leaving; UPON_LEAVING, DAYS_90 or MONTHS_6 after).
 *
 * @param mistaken recorded with the wrong type and retracted; the right one follows it
 */
public record DemoOutcome(String type, LocalDate date, String followUp, boolean mistaken) {

    boolean sameAs(String otherType, LocalDate otherDate) {
        return type.equals(otherType) && date.equals(otherDate);
    }
}
