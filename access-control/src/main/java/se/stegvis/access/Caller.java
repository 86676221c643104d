package se.stegvis.access;

import java.util.Map;
import java.util.Set;

/**
 * Who sent a request: the issuer's subject, the global roles its token carries and the projects the subject is a
 * member of. Use cases decide on it, so a rule holds whichever way a use case is reached.
 */
public record Caller(String subject, Set<GlobalRole> roles, Map<String, ProjectRole> projects) {

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A caller has a subject");
        }
        roles = Set.copyOf(roles);
        projects = Map.copyOf(projects);
    }

    public boolean has(GlobalRole role) {
        return roles.contains(role);
    }

    public boolean isStaffOf(String projectId) {
        return projects.get(projectId) == ProjectRole.STAFF;
    }

    public boolean isOwnerOf(String projectId) {
        return projects.get(projectId) == ProjectRole.OWNER;
    }

    /** STAFF or OWNER of the project: who may see its exact figures. */
    public boolean isMemberOf(String projectId) {
        return projects.containsKey(projectId);
    }

    /** A member of some project: who may see the cross-project, suppressed view. */
    public boolean isMemberOfAnyProject() {
        return !projects.isEmpty();
    }

    /** Refuses (403) unless the rule allows; {@code what} names the action for the answer, never data. */
    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw new Refused(what);
        }
    }
}
