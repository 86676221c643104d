package se.stegvis.outcome.outcomes.adapter.in.web;

import java.time.LocalDate;

import se.stegvis.outcome.outcomes.domain.Outcome;

/** One recorded outcome; {@code retracted} is only ever true when it is read by its own id. */
public record OutcomeResponse(String outcomeId, String participantId, String type, LocalDate date, String followUp,
        boolean retracted) {

    static OutcomeResponse of(Outcome outcome) {
        return new OutcomeResponse(outcome.id().toString(), outcome.participantId().toString(), outcome.type(),
                outcome.date(), outcome.followUp().name(), outcome.retracted());
    }
}
