package se.stegvis.participant.members.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.stegvis.access.ProjectRole;

/** A project's whole membership after a change: what goes out on the memberships topic. */
public record MembersChanged(UUID eventId, Instant occurredAt, String projectId, Map<String, ProjectRole> members) {

    public MembersChanged {
        members = Map.copyOf(members);
    }
}
