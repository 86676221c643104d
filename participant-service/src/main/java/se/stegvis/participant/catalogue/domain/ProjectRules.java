package se.stegvis.participant.catalogue.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import se.stegvis.participant.catalogue.domain.Project.Target;
import se.stegvis.participant.catalogue.domain.Project.TargetUnit;
import se.stegvis.service.command.Violation;

/** The rules a project definition must keep; every broken rule is reported with a pointer to its field. */
public final class ProjectRules {

    static final Pattern PROJECT_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{2,39}");
    static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    static final Pattern TARGET_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){0,7}");
    static final Set<String> SWEDISH_NUTS2 = Set.of("SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33");
    static final Set<String> GENDERS = Set.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");

    private ProjectRules() {
    }

    public static List<Violation> violations(Project project) {
        List<Violation> found = new ArrayList<>();
        check(found, PROJECT_ID.matcher(project.id()).matches(), "/projectId",
                "must be 3 to 40 letters, digits or '-' (a diarienummer with '-' for '/')");
        check(found, !project.name().isBlank() && project.name().length() <= 200, "/name", "must be 1 to 200 characters");
        check(found, !project.owner().name().isBlank(), "/owner/name", "must not be blank");
        String orgNo = project.owner().organisationNumber();
        check(found, orgNo == null || OrganisationNumber.isValid(orgNo), "/owner/organisationNumber",
                "must be a Swedish organisation number (10 digits, NNNNNN-NNNN, with a valid check digit)");
        check(found, !project.region().name().isBlank(), "/region/name", "must not be blank");
        check(found, SWEDISH_NUTS2.contains(project.region().nuts2()), "/region/nuts2", "must be a Swedish NUTS-2 code, e.g. SE22");
        check(found, !project.period().end().isBefore(project.period().start()), "/period/end", "must not be before the start");
        check(found, project.plannedParticipants() > 0, "/plannedParticipants", "must be at least 1");
        check(found, !project.targetGroups().isEmpty(), "/targetGroups", "must name at least one target group");
        codes(found, "/targetGroups", project.targetGroups().stream().map(Project.TargetGroup::code).toList(), TYPE_CODE);
        for (int i = 0; i < project.targetGroups().size(); i++) {
            check(found, !project.targetGroups().get(i).label().isBlank(), "/targetGroups/" + i + "/label", "must not be blank");
        }
        codes(found, "/activityTypes", project.activityTypes(), TYPE_CODE);
        codes(found, "/outcomeTypes", project.outcomeTypes(), TYPE_CODE);
        codes(found, "/targets", project.targets().stream().map(Target::code).toList(), TARGET_CODE);
        for (int i = 0; i < project.targets().size(); i++) {
            target(found, project, "/targets/" + i, project.targets().get(i));
        }
        check(found, new HashSet<>(project.followUpPoints()).size() == project.followUpPoints().size(),
                "/followUpPoints", "must not repeat a follow-up point");
        return found;
    }

    private static void target(List<Violation> found, Project project, String at, Target target) {
        check(found, target.target() >= 0, at + "/target", "must not be negative");
        check(found, target.unit() != TargetUnit.PERCENT || target.target() <= 100, at + "/target", "a percentage must be at most 100");
        for (int i = 0; i < target.outcomeTypes().size(); i++) {
            check(found, project.outcomeTypes().contains(target.outcomeTypes().get(i)), at + "/outcomeTypes/" + i,
                    "must be one of the project's outcomeTypes");
        }
        for (int i = 0; i < target.activityTypes().size(); i++) {
            check(found, project.activityTypes().contains(target.activityTypes().get(i)), at + "/activityTypes/" + i,
                    "must be one of the project's activityTypes");
        }
        check(found, target.followUp() == null || !target.outcomeTypes().isEmpty(), at + "/followUp",
                "needs outcomeTypes: only outcomes are counted at a follow-up point");
        check(found, target.followUp() == null || project.followUpPoints().contains(target.followUp()), at + "/followUp",
                "must be one of the project's followUpPoints");
        check(found, target.targetGroup() == null || project.hasTargetGroup(target.targetGroup()), at + "/targetGroup",
                "must be the code of one of the project's targetGroups");
        shares(found, at + "/genderShares", target.genderShares());
    }

    private static void shares(List<Violation> found, String at, Map<String, Integer> shares) {
        if (shares.isEmpty()) {
            return;
        }
        shares.forEach((gender, share) -> {
            check(found, GENDERS.contains(gender), at + "/" + gender, "must be one of WOMAN, MAN, NON_BINARY, NOT_STATED");
            check(found, share != null && share >= 0 && share <= 100, at + "/" + gender, "must be a percentage from 0 to 100");
        });
        int sum = shares.values().stream().mapToInt(share -> share == null ? 0 : share).sum();
        check(found, sum == 100, at, "must add up to 100 (per cent)");
    }

    private static void codes(List<Violation> found, String at, List<String> codes, Pattern pattern) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            check(found, pattern.matcher(code).matches(), at + "/" + i, "is not a valid code (" + pattern + ")");
            check(found, seen.add(code), at + "/" + i, "appears twice in the list");
        }
    }

    private static void check(List<Violation> found, boolean holds, String pointer, String message) {
        if (!holds) {
            found.add(new Violation(pointer, message));
        }
    }
}
