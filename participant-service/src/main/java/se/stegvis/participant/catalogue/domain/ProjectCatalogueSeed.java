package se.stegvis.participant.catalogue.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.stegvis.participant.catalogue.domain.Project.FollowUpPoint;
import se.stegvis.participant.catalogue.domain.Project.Owner;
import se.stegvis.participant.catalogue.domain.Project.Period;
import se.stegvis.participant.catalogue.domain.Project.Region;
import se.stegvis.participant.catalogue.domain.Project.Target;
import se.stegvis.participant.catalogue.domain.Project.TargetGroup;
import se.stegvis.participant.catalogue.domain.Project.TargetUnit;

/** The three current ESF+ projects (DOMAIN.md) the catalogue holds from its first start. */
public final class ProjectCatalogueSeed {

    static final List<String> ESF_OUTCOMES = List.of("JOB_SEARCHING", "IN_EDUCATION_OR_TRAINING", "GAINED_QUALIFICATION",
            "EMPLOYED", "IMPROVED_LABOUR_MARKET_SITUATION");
    static final List<FollowUpPoint> ALL_FOLLOW_UPS = List.of(FollowUpPoint.UPON_LEAVING, FollowUpPoint.DAYS_90, FollowUpPoint.MONTHS_6);

    private ProjectCatalogueSeed() {
    }

    public static List<Project> projects() {
        return List.of(utvagII(), ungSydvast(), ostraMellansverige());
    }

    static Project utvagII() {
        return new Project("23-073-S03", "Utväg II", new Owner("Malmö kommun", "2120001124"), new Region("Sydsverige", "SE22"),
                new Period(LocalDate.of(2024, 9, 2), LocalDate.of(2027, 8, 31)), 120,
                List.of(new TargetGroup("GANG_DEFECTOR", "Gang defectors living under threat"),
                        new TargetGroup("DOMESTIC_VIOLENCE_VICTIM", "Victims of domestic violence")),
                List.of("DIGITAL_GUIDANCE", "INDIVIDUAL_GUIDANCE", "EMPLOYMENT_COACHING", "STUDIES", "INTERNSHIP", "WORK_TRAINING"),
                withOwn("STEP_FORWARD"),
                List.of(count("participants", 120),
                        new Target("digital-guidance", 120, TargetUnit.PARTICIPANTS, List.of(), List.of("DIGITAL_GUIDANCE"), null, Map.of(),
                                null),
                        guidedOf("GANG_DEFECTOR", "gang-defectors", 60),
                        guidedOf("DOMESTIC_VIOLENCE_VICTIM", "domestic-violence-victims", 60),
                        new Target("work-or-studies", 60, TargetUnit.PARTICIPANTS, List.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"),
                                List.of(), null, Map.of("WOMAN", 50, "MAN", 50), null),
                        new Target("step-forward", 60, TargetUnit.PARTICIPANTS, List.of("STEP_FORWARD"), List.of(), null, Map.of(),
                                null)),
                ALL_FOLLOW_UPS);
    }

    static Project ungSydvast() {
        return new Project("23-069-S06", "Uppsökarteam UngSydväst", new Owner("Göteborgs kommun", "2120001355"),
                new Region("Västsverige", "SE23"), new Period(LocalDate.of(2024, 9, 1), LocalDate.of(2027, 8, 31)), 200,
                List.of(new TargetGroup("YOUNG_PEOPLE_AT_RISK", "Young people at risk of crime and exclusion")),
                List.of("OUTREACH_CONTACT", "INDIVIDUAL_GUIDANCE", "PSYCHOSOCIAL_SUPPORT", "DIGITAL_GUIDANCE", "EMPLOYMENT_COACHING"),
                withOwn("STEP_FORWARD"), List.of(count("participants", 200)), ALL_FOLLOW_UPS);
    }

    static Project ostraMellansverige() {
        return new Project("23-079-S13", "Särskild insats trygghet Östra Mellansverige",
                new Owner("TalangAkademin Ekonomisk förening", "7696378459"), new Region("Östra Mellansverige", "SE12"),
                new Period(LocalDate.of(2024, 9, 1), LocalDate.of(2027, 8, 31)), 600,
                List.of(new TargetGroup("YOUNG_PEOPLE_AT_RISK", "Young people in risk environments"),
                        new TargetGroup("PARENT", "Parents of young people at risk")),
                List.of("OUTREACH_CONTACT", "INDIVIDUAL_GUIDANCE", "PARENT_SUPPORT", "SCHOOL_INTERVENTION", "REFERRAL_TO_ACTIVITY"),
                withOwn("STEP_FORWARD"), List.of(count("participants", 600)), ALL_FOLLOW_UPS);
    }

    private static Target count(String code, int target) {
        return new Target(code, target, TargetUnit.PARTICIPANTS, List.of(), List.of(), null, Map.of(), null);
    }

    /**
     * Utväg II's description sets its digital guidance per target group: 60 gang defectors and 60 victims of domestic
     * violence, all living in another municipality. Each is a target of its own, counting only its group.
     */
    private static Target guidedOf(String targetGroup, String codeOfGroup, int target) {
        return new Target("digital-guidance-" + codeOfGroup, target, TargetUnit.PARTICIPANTS, List.of(), List.of("DIGITAL_GUIDANCE"),
                null, Map.of(), targetGroup);
    }

    private static List<String> withOwn(String... own) {
        return java.util.stream.Stream.concat(ESF_OUTCOMES.stream(), java.util.Arrays.stream(own)).toList();
    }
}
