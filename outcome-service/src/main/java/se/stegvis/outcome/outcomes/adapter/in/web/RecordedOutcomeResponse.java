package se.stegvis.outcome.outcomes.adapter.in.web;

/** The answer to a recorded outcome: its id and the follow-up point its date fell in. */
public record RecordedOutcomeResponse(String outcomeId, String followUp) {
}
