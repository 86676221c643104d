package se.stegvis.participant.members.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.ProjectRole;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.members.domain.MemberSubject;
import se.stegvis.participant.members.domain.MembersChanged;
import se.stegvis.participant.members.domain.ProjectMembers;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.InvalidCommand;

/**
 * Who works on a project, managed by an {@code admin} or an OWNER of that project. Each change publishes the
 * project's whole membership, from which the other services decide who may act there.
 */
public class ManageMembers {

    private static final int ATTEMPTS = 10;

    private final MemberStore store;
    private final ReadCatalogue catalogue;
    private final EventsPending eventsPending;
    private final Clock clock;

    public ManageMembers(MemberStore store, ReadCatalogue catalogue, EventsPending eventsPending, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /** Gives the subject the role on the project; true when the subject was not a member before. */
    public boolean put(Caller caller, String projectId, String subject, ProjectRole role) {
        requireManager(caller, projectId);
        MemberSubject.problem(subject).ifPresent(problem -> {
            throw new InvalidCommand("subject", problem);
        });
        ProjectMembers before = change(projectId, members -> members.withMember(subject, role, clock.instant()));
        return !before.members().containsKey(subject);
    }

    /** Removes the subject from the project; removing a non-member changes nothing. */
    public void remove(Caller caller, String projectId, String subject) {
        requireManager(caller, projectId);
        change(projectId, members -> members.withoutMember(subject, clock.instant()));
    }

    public Map<String, ProjectRole> list(Caller caller, String projectId) {
        requireManager(caller, projectId);
        return store.find(projectId).members();
    }

    /** Applies the change to the membership as stored now, again if another change got in between; the one read. */
    private ProjectMembers change(String projectId, Function<ProjectMembers, Optional<MembersChanged>> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ProjectMembers read = store.find(projectId);
            Optional<MembersChanged> changed = change.apply(read);
            if (changed.isEmpty() || store.save(read, changed.get())) {
                changed.ifPresent(event -> eventsPending.signal(projectId));
                return read;
            }
        }
        throw new IllegalStateException("The members of " + projectId + " kept changing under " + ATTEMPTS + " attempts");
    }

    private void requireManager(Caller caller, String projectId) {
        catalogue.project(projectId);
        caller.require(caller.has(GlobalRole.ADMIN) || caller.isOwnerOf(projectId), "manage the members of project " + projectId);
    }
}
