package se.stegvis.participant.members.application;

import java.util.Map;

import se.stegvis.access.ProjectRole;
import se.stegvis.participant.members.domain.MembersChanged;
import se.stegvis.participant.members.domain.ProjectMembers;

/** Where project memberships are kept, each change with the event that publishes it. */
public interface MemberStore {

    /** The project's members, {@link ProjectMembers#none} when nobody has been made one. */
    ProjectMembers find(String projectId);

    /** Stores the change and its event in one write, unless the membership changed since it was read: then false. */
    boolean save(ProjectMembers read, MembersChanged change);

    /** Every project the subject works on, and the role there. */
    Map<String, ProjectRole> projectsOf(String subject);
}
