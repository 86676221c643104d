package se.stegvis.participant.catalogue.adapter.in.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.stegvis.participant.catalogue.domain.Project;

/** A project as GET /api/projects answers it: the fields of the PUT body, plus the id. */
public record ProjectResponse(String projectId, String name, Owner owner, Region region, Period period,
        int plannedParticipants, List<TargetGroup> targetGroups, List<String> activityTypes, List<String> outcomeTypes,
        List<Target> targets, List<String> followUpPoints) {

    public record Owner(String name, String organisationNumber) {
    }

    public record Region(String name, String nuts2) {
    }

    public record Period(LocalDate start, LocalDate end) {
    }

    public record TargetGroup(String code, String label) {
    }

    public record Target(String code, int target, String unit, List<String> outcomeTypes, List<String> activityTypes,
            String followUp, Map<String, Integer> genderShares, String targetGroup) {
    }

    static ProjectResponse of(Project p) {
        return new ProjectResponse(p.id(), p.name(), new Owner(p.owner().name(), p.owner().organisationNumber()),
                new Region(p.region().name(), p.region().nuts2()), new Period(p.period().start(), p.period().end()),
                p.plannedParticipants(), p.targetGroups().stream().map(g -> new TargetGroup(g.code(), g.label())).toList(),
                p.activityTypes(), p.outcomeTypes(),
                p.targets().stream().map(t -> new Target(t.code(), t.target(), t.unit().name(), t.outcomeTypes(),
                        t.activityTypes(), t.followUp() == null ? null : t.followUp().name(), t.genderShares(),
                        t.targetGroup())).toList(),
                p.followUpPoints().stream().map(Enum::name).toList());
    }
}
