package se.stegvis.participant.catalogue.adapter.out.persistence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.Project.FollowUpPoint;
import se.stegvis.participant.catalogue.domain.Project.Target;
import se.stegvis.participant.catalogue.domain.Project.TargetUnit;

/** A project as a MongoDB document (its id is the document's _id; dates as ISO strings, free of time zones). */
final class ProjectDocuments {

    private ProjectDocuments() {
    }

    static Document state(Project project) {
        return new Document("name", project.name())
                .append("owner", new Document("name", project.owner().name())
                        .append("organisationNumber", project.owner().organisationNumber()))
                .append("region", new Document("name", project.region().name()).append("nuts2", project.region().nuts2()))
                .append("period", new Document("start", project.period().start().toString())
                        .append("end", project.period().end().toString()))
                .append("plannedParticipants", project.plannedParticipants())
                .append("targetGroups", project.targetGroups().stream()
                        .map(g -> new Document("code", g.code()).append("label", g.label())).toList())
                .append("activityTypes", project.activityTypes())
                .append("outcomeTypes", project.outcomeTypes())
                .append("targets", project.targets().stream().map(ProjectDocuments::target).toList())
                .append("followUpPoints", project.followUpPoints().stream().map(Enum::name).toList());
    }

    static Project project(Document document) {
        Document owner = document.get("owner", Document.class);
        Document region = document.get("region", Document.class);
        Document period = document.get("period", Document.class);
        return new Project(document.getString("_id"), document.getString("name"),
                new Project.Owner(owner.getString("name"), owner.getString("organisationNumber")),
                new Project.Region(region.getString("name"), region.getString("nuts2")),
                new Project.Period(LocalDate.parse(period.getString("start")), LocalDate.parse(period.getString("end"))),
                document.getInteger("plannedParticipants"),
                document.getList("targetGroups", Document.class).stream()
                        .map(g -> new Project.TargetGroup(g.getString("code"), g.getString("label"))).toList(),
                document.getList("activityTypes", String.class),
                document.getList("outcomeTypes", String.class),
                document.getList("targets", Document.class).stream().map(ProjectDocuments::target).toList(),
                document.getList("followUpPoints", String.class).stream().map(FollowUpPoint::valueOf).toList());
    }

    private static Document target(Target target) {
        return new Document("code", target.code()).append("target", target.target()).append("unit", target.unit().name())
                .append("outcomeTypes", target.outcomeTypes()).append("activityTypes", target.activityTypes())
                .append("followUp", target.followUp() == null ? null : target.followUp().name())
                .append("genderShares", new Document(new LinkedHashMap<>(target.genderShares())))
                .append("targetGroup", target.targetGroup());
    }

    private static Target target(Document document) {
        String followUp = document.getString("followUp");
        Map<String, Integer> shares = new LinkedHashMap<>();
        document.get("genderShares", Document.class).forEach((gender, share) -> shares.put(gender, (Integer) share));
        return new Target(document.getString("code"), document.getInteger("target"), TargetUnit.valueOf(document.getString("unit")),
                document.getList("outcomeTypes", String.class), document.getList("activityTypes", String.class),
                followUp == null ? null : FollowUpPoint.valueOf(followUp), Map.copyOf(shares), document.getString("targetGroup"));
    }

}
