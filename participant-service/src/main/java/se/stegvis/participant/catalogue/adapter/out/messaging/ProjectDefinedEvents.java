package se.stegvis.participant.catalogue.adapter.out.messaging;

import java.util.List;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.Target;
import se.stegvis.events.TargetGroup;
import se.stegvis.events.TargetUnit;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;

/** A project definition as the event on stegvis.projects.v1: the full state, keyed by project id. */
public final class ProjectDefinedEvents {

    private ProjectDefinedEvents() {
    }

    public static ProjectDefined toEvent(ProjectDefinition definition) {
        Project project = definition.project();
        return ProjectDefined.newBuilder()
                .setEventId(definition.eventId()).setOccurredAt(definition.occurredAt()).setProjectId(project.id())
                .setName(project.name()).setOwnerName(project.owner().name())
                .setOwnerOrganisationNumber(project.owner().organisationNumber())
                .setRegionName(project.region().name()).setNuts2(project.region().nuts2())
                .setPeriodStart(project.period().start()).setPeriodEnd(project.period().end())
                .setPlannedParticipants(project.plannedParticipants())
                .setTargetGroups(project.targetGroups().stream().map(g -> new TargetGroup(g.code(), g.label())).toList())
                .setActivityTypes(project.activityTypes()).setOutcomeTypes(project.outcomeTypes())
                .setTargets(project.targets().stream().map(ProjectDefinedEvents::target).toList())
                .setFollowUpPoints(followUps(project.followUpPoints()))
                .build();
    }

    private static Target target(Project.Target target) {
        return Target.newBuilder().setCode(target.code()).setTarget(target.target())
                .setUnit(TargetUnit.valueOf(target.unit().name()))
                .setOutcomeTypes(target.outcomeTypes()).setActivityTypes(target.activityTypes())
                .setFollowUp(target.followUp() == null ? null : FollowUpPoint.valueOf(target.followUp().name()))
                .setGenderShares(target.genderShares())
                .setTargetGroup(target.targetGroup())
                .build();
    }

    private static List<FollowUpPoint> followUps(List<Project.FollowUpPoint> points) {
        return points.stream().map(point -> FollowUpPoint.valueOf(point.name())).toList();
    }
}
