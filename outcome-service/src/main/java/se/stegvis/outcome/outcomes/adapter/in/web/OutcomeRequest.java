package se.stegvis.outcome.outcomes.adapter.in.web;

import java.time.LocalDate;

/** The body of POST /api/participants/{participantId}/outcomes: {"type": "EMPLOYED", "date": "2025-08-01"}. */
public record OutcomeRequest(String type, LocalDate date) {
}
