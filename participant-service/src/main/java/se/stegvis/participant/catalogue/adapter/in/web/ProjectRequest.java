package se.stegvis.participant.catalogue.adapter.in.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.Project.FollowUpPoint;
import se.stegvis.participant.catalogue.domain.Project.TargetUnit;
import se.stegvis.service.command.RequestFields;

/** The body of PUT /api/projects/{projectId}, field names as DESIGN.md gives them. */
public record ProjectRequest(String name, Owner owner, Region region, Period period, Integer plannedParticipants,
        List<TargetGroup> targetGroups, List<String> activityTypes, List<String> outcomeTypes, List<Target> targets,
        List<String> followUpPoints) {

    public record Owner(String name, String organisationNumber) {
    }

    public record Region(String name, String nuts2) {
    }

    public record Period(LocalDate start, LocalDate end) {
    }

    public record TargetGroup(String code, String label) {
    }

    public record Target(String code, Integer target, String unit, List<String> outcomeTypes, List<String> activityTypes,
            String followUp, Map<String, Integer> genderShares, String targetGroup) {
    }

    /** The project this request defines; every missing or unreadable field is reported at once. */
    Project toProject(String projectId) {
        RequestFields fields = new RequestFields();
        Owner o = fields.required("/owner", owner);
        Region r = fields.required("/region", region);
        Period p = fields.required("/period", period);
        Project project = new Project(projectId, fields.required("/name", name),
                new Project.Owner(o == null ? "" : fields.required("/owner/name", o.name()), o == null ? null : o.organisationNumber()),
                new Project.Region(r == null ? "" : fields.required("/region/name", r.name()), r == null ? "" : fields.required("/region/nuts2", r.nuts2())),
                new Project.Period(p == null ? null : fields.required("/period/start", p.start()), p == null ? null : fields.required("/period/end", p.end())),
                fields.required("/plannedParticipants", plannedParticipants, 0),
                fields.elements("/targetGroups", targetGroups).stream().map(g -> new Project.TargetGroup(
                        String.valueOf(g.code()), g.label() == null ? "" : g.label())).toList(),
                fields.elements("/activityTypes", activityTypes), fields.elements("/outcomeTypes", outcomeTypes),
                targets(fields), followUps(fields));
        fields.throwIfAny();
        return project;
    }

    private List<Project.Target> targets(RequestFields fields) {
        List<Project.Target> result = new ArrayList<>();
        List<Target> given = fields.elements("/targets", targets);
        for (int i = 0; i < given.size(); i++) {
            Target t = given.get(i);
            String at = "/targets/" + i;
            result.add(new Project.Target(fields.required(at + "/code", t.code()), fields.required(at + "/target", t.target(), 0),
                    t.unit() == null ? TargetUnit.PARTICIPANTS : fields.symbol(at + "/unit", TargetUnit.class, t.unit()),
                    fields.elements(at + "/outcomeTypes", t.outcomeTypes()), fields.elements(at + "/activityTypes", t.activityTypes()),
                    t.followUp() == null ? null : fields.symbol(at + "/followUp", FollowUpPoint.class, t.followUp()),
                    t.genderShares() == null ? Map.of() : t.genderShares(), t.targetGroup()));
        }
        return result;
    }

    private List<FollowUpPoint> followUps(RequestFields fields) {
        if (followUpPoints == null) {
            return List.of(FollowUpPoint.UPON_LEAVING, FollowUpPoint.DAYS_90, FollowUpPoint.MONTHS_6);
        }
        List<FollowUpPoint> points = new ArrayList<>();
        for (int i = 0; i < followUpPoints.size(); i++) {
            FollowUpPoint point = fields.symbol("/followUpPoints/" + i, FollowUpPoint.class, followUpPoints.get(i));
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }


}
