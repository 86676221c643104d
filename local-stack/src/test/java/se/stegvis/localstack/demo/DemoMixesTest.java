package se.stegvis.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoMixesTest {

    private final DemoMixes mixes = DemoMixes.standard();

    @Test
    void every_target_group_and_activity_type_of_the_seeded_projects_has_a_mix_of_its_own() {
        for (DemoProject project : SeededProjects.all()) {
            project.targetGroups().forEach(group ->
                    assertThat(mixes.profile(group)).as(group).isNotEqualTo(mixes.profile("default")));
            project.activityTypes().forEach(type ->
                    assertThat(mixes.activity(type)).as(type).isNotEqualTo(mixes.activity("default")));
            project.followUpPoints().forEach(point -> assertThat(mixes.outcomesAt(point)).as(point).isNotNull());
        }
    }

    @Test
    void a_target_group_or_activity_type_added_through_the_api_gets_the_default() {
        EntryProfile profile = mixes.profile("PEOPLE_LEAVING_PRISON");

        assertThat(profile.genders().pick(new Random(1))).isIn("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");
        assertThat(mixes.activity("SOCIAL_TRAINING").percent()).isPositive();
        assertThat(mixes.ruralPercent("SE33")).isEqualTo(mixes.ruralPercent("default"));
    }

    @Test
    void the_settings_the_generator_reads_are_whole_percentages() {
        for (String setting : new String[] {"targetedActivityPercent", "stayingInWorkOrStudiesPercent",
                "stepForwardWhileTakingPartPercent", "slips.activityPercent", "slips.outcomePercent",
                "coordinationNumberPercentOfThirdCountryNationals"}) {
            assertThat(mixes.percent(setting)).as(setting).isBetween(0, 100);
        }
        assertThat(mixes.daysToLikelyLeave()).isPositive();
        assertThat(mixes.leavingReasons().pick(new Random(1))).isIn("COMPLETED", "DROPPED_OUT", "REFERRED_ELSEWHERE", "OTHER");
    }
}
