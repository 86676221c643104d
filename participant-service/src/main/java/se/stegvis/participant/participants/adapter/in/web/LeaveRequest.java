package se.stegvis.participant.participants.adapter.in.web;

import java.time.LocalDate;

/** The body of POST /api/participants/{id}/leave. */
public record LeaveRequest(LocalDate leftOn, String reason) {
}
