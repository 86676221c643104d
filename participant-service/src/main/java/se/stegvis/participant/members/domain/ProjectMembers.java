package se.stegvis.participant.members.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.access.ProjectRole;

/**
 * Who works on one project, and the revision it was read at: a change is stored only if nobody changed the
 * membership since, so no two changes publish memberships that the store does not hold.
 */
public record ProjectMembers(String projectId, long revision, Map<String, ProjectRole> members) {

    public ProjectMembers {
        members = Map.copyOf(members);
    }

    /** A project nobody has been made a member of yet. */
    public static ProjectMembers none(String projectId) {
        return new ProjectMembers(projectId, 0, Map.of());
    }

    /** The change that gives the subject the role; empty when the subject already has it. */
    public Optional<MembersChanged> withMember(String subject, ProjectRole role, Instant now) {
        if (members.get(subject) == role) {
            return Optional.empty();
        }
        Map<String, ProjectRole> next = new HashMap<>(members);
        next.put(subject, role);
        return Optional.of(new MembersChanged(UUID.randomUUID(), now, projectId, next));
    }

    /** The change that removes the subject; empty when the subject is not a member. */
    public Optional<MembersChanged> withoutMember(String subject, Instant now) {
        if (!members.containsKey(subject)) {
            return Optional.empty();
        }
        Map<String, ProjectRole> next = new HashMap<>(members);
        next.remove(subject);
        return Optional.of(new MembersChanged(UUID.randomUUID(), now, projectId, next));
    }
}
