package se.stegvis.participant.members.adapter.in.web;

/** The body of PUT /api/projects/{projectId}/members/{subject}: {@code {"role": "STAFF"}} or OWNER. */
public record MemberRequest(String role) {
}
