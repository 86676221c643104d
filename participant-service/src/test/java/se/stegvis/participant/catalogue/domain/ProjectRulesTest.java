package se.stegvis.participant.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.stegvis.participant.catalogue.domain.Project.Target;
import se.stegvis.participant.catalogue.domain.Project.TargetUnit;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

class ProjectRulesTest {

    private static final Project UTVAG = ProjectCatalogueSeed.utvagII();

    @Test
    void the_seeded_projects_keep_every_rule() {
        ProjectCatalogueSeed.projects().forEach(project -> assertThat(ProjectRules.violations(project)).as(project.id()).isEmpty());
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        Project project = with(new Project.Period(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThat(pointers(project)).containsExactly("/period/end");
    }

    @Test
    void a_target_must_refer_to_the_projects_own_types() {
        Project project = withTargets(List.of(new Target("work", 10, TargetUnit.PARTICIPANTS, List.of("ASTRONAUT"),
                List.of("SPACEWALK"), null, Map.of(), null)));
        assertThat(pointers(project)).containsExactly("/targets/0/outcomeTypes/0", "/targets/0/activityTypes/0");
    }

    @Test
    void a_share_is_at_most_a_hundred_per_cent_and_gender_shares_add_up_to_a_hundred() {
        Project project = withTargets(List.of(
                new Target("share", 120, TargetUnit.PERCENT, List.of("EMPLOYED"), List.of(), Project.FollowUpPoint.DAYS_90, Map.of(), null),
                new Target("balance", 60, TargetUnit.PARTICIPANTS, List.of("EMPLOYED"), List.of(), null, Map.of("WOMAN", 50, "MAN", 40), null)));
        assertThat(pointers(project)).containsExactly("/targets/0/target", "/targets/1/genderShares");
    }

    @Test
    void a_target_counts_one_of_the_projects_target_groups_or_every_group() {
        Project project = withTargets(List.of(
                new Target("defectors", 60, TargetUnit.PARTICIPANTS, List.of(), List.of("DIGITAL_GUIDANCE"), null, Map.of(), "GANG_DEFECTOR"),
                new Target("everyone", 120, TargetUnit.PARTICIPANTS, List.of(), List.of(), null, Map.of(), null),
                new Target("strangers", 10, TargetUnit.PARTICIPANTS, List.of(), List.of(), null, Map.of(), "YOUNG_PEOPLE_AT_RISK")));
        assertThat(pointers(project)).containsExactly("/targets/2/targetGroup");
    }

    @Test
    void utvag_ii_sets_its_digital_guidance_for_each_of_its_two_target_groups() {
        assertThat(UTVAG.targets()).filteredOn(target -> target.targetGroup() != null)
                .extracting(Target::code, Target::target, Target::targetGroup, Target::activityTypes)
                .containsExactly(
                        tuple("digital-guidance-gang-defectors", 60, "GANG_DEFECTOR", List.of("DIGITAL_GUIDANCE")),
                        tuple("digital-guidance-domestic-violence-victims", 60, "DOMESTIC_VIOLENCE_VICTIM",
                                List.of("DIGITAL_GUIDANCE")));
    }

    @Test
    void codes_are_well_formed_and_unique() {
        Project project = new Project(UTVAG.id(), UTVAG.name(), UTVAG.owner(), UTVAG.region(), UTVAG.period(), 120,
                UTVAG.targetGroups(), List.of("DIGITAL_GUIDANCE", "DIGITAL_GUIDANCE", "lower case"), UTVAG.outcomeTypes(),
                List.of(), UTVAG.followUpPoints());
        assertThat(pointers(project)).containsExactly("/activityTypes/1", "/activityTypes/2");
    }

    @Test
    void a_refused_code_is_named_by_its_pointer_and_never_quoted_back() {
        Project project = new Project(UTVAG.id(), UTVAG.name(), UTVAG.owner(), UTVAG.region(), UTVAG.period(), 120,
                UTVAG.targetGroups(), List.of("<script>", "<script>"), UTVAG.outcomeTypes(), List.of(), UTVAG.followUpPoints());
        assertThat(ProjectRules.violations(project)).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.message()).doesNotContain("<script>"));
    }

    @Test
    void an_unknown_region_and_a_bad_organisation_number_are_refused() {
        Project project = new Project(UTVAG.id(), UTVAG.name(), new Project.Owner("X", "2120001125"),
                new Project.Region("Nowhere", "XX99"), UTVAG.period(), 120, UTVAG.targetGroups(), UTVAG.activityTypes(),
                UTVAG.outcomeTypes(), UTVAG.targets(), UTVAG.followUpPoints());
        assertThat(pointers(project)).containsExactly("/owner/organisationNumber", "/region/nuts2");
    }

    @Test
    void a_definition_that_breaks_a_rule_is_not_made() {
        assertThatThrownBy(() -> ProjectDefinition.of(with(new Project.Period(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1))),
                Instant.now())).isInstanceOf(InvalidCommand.class);
    }

    private static List<String> pointers(Project project) {
        return ProjectRules.violations(project).stream().map(Violation::pointer).toList();
    }

    private static Project with(Project.Period period) {
        return new Project(UTVAG.id(), UTVAG.name(), UTVAG.owner(), UTVAG.region(), period, UTVAG.plannedParticipants(),
                UTVAG.targetGroups(), UTVAG.activityTypes(), UTVAG.outcomeTypes(), UTVAG.targets(), UTVAG.followUpPoints());
    }

    private static Project withTargets(List<Target> targets) {
        return new Project(UTVAG.id(), UTVAG.name(), UTVAG.owner(), UTVAG.region(), UTVAG.period(), UTVAG.plannedParticipants(),
                UTVAG.targetGroups(), UTVAG.activityTypes(), UTVAG.outcomeTypes(), targets, UTVAG.followUpPoints());
    }
}
