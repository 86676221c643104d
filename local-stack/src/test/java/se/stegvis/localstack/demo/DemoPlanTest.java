package se.stegvis.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final long SEED = 20240902L;
    private static final DemoPlan PLAN = DemoPlan.of(SeededProjects.all(), 300, SEED, AS_OF);

    @Test
    void the_same_seed_makes_the_same_people_on_every_run_and_another_seed_other_people() {
        assertThat(DemoPlan.of(SeededProjects.all(), 300, SEED, AS_OF)).isEqualTo(PLAN);
        assertThat(DemoPlan.of(SeededProjects.all(), 300, SEED + 1, AS_OF).people())
                .extracting(person -> person.person().personalIdentityNumber())
                .isNotEqualTo(PLAN.people().stream().map(person -> person.person().personalIdentityNumber()).toList());
    }

    @Test
    void a_smaller_demo_set_is_the_start_of_a_larger_one_so_its_keys_answer_the_same_requests() {
        List<DemoPerson> small = DemoPlan.of(SeededProjects.all(), 20, SEED, AS_OF).people();

        assertThat(PLAN.people()).containsAll(small);
    }

    @Test
    void every_project_gets_participants_in_proportion_to_those_it_plans() {
        assertThat(DemoPlan.shares(SeededProjects.all(), 300)).containsExactly(39, 65, 196);
        assertThat(DemoPlan.shares(SeededProjects.all(), 20)).containsExactly(3, 4, 13);
        assertThat(DemoPlan.shares(SeededProjects.all(), 3)).containsExactly(1, 1, 1);
        for (DemoProject project : SeededProjects.all()) {
            assertThat(PLAN.participantsOf(project.id())).as(project.id()).isPositive();
        }
        assertThat(PLAN.people()).hasSize(300).extracting(DemoPerson::key).doesNotHaveDuplicates();
    }

    @Test
    void identity_numbers_are_well_formed_with_a_real_date_the_age_at_entry_and_a_luhn_digit() {
        for (DemoProject project : SeededProjects.all()) {
            Set<String> numbers = new HashSet<>();
            for (DemoPerson person : of(project.id())) {
                String number = person.person().personalIdentityNumber();
                assertThat(number).matches("\\d{8}-\\d{4}");
                assertThat(luhnValid(number.substring(2).replace("-", ""))).as(person.key()).isTrue();
                LocalDate born = bornOn(number);
                assertThat(Period.between(born, person.entry().enrolledOn()).getYears()).as(person.key())
                        .isEqualTo(person.entry().ageAtEntry());
                assertThat(numbers.add(number)).as("unique in " + project.id()).isTrue();
                int sexDigit = number.charAt(11) - '0';
                if (person.entry().gender().equals("MAN")) {
                    assertThat(sexDigit % 2).as(person.key()).isEqualTo(1);
                } else if (person.entry().gender().equals("WOMAN")) {
                    assertThat(sexDigit % 2).as(person.key()).isZero();
                }
                assertThat(person.person().givenName()).isNotBlank();
                assertThat(person.person().familyName()).isNotBlank();
            }
        }
        assertThat(PLAN.people()).anyMatch(person -> coordinationNumber(person.person().personalIdentityNumber()));
    }

    @Test
    void activities_lie_between_enrolment_and_leaving_and_leaving_and_outcomes_never_after_the_end() {
        for (DemoPerson person : PLAN.people()) {
            DemoProject project = project(person.projectId());
            LocalDate enrolled = person.entry().enrolledOn();
            LocalDate last = person.leaving() == null ? AS_OF : person.leaving().leftOn();
            assertThat(enrolled).as(person.key()).isBetween(project.start(), AS_OF);
            assertThat(last).as(person.key()).isBetween(enrolled, AS_OF);
            assertThat(person.activities()).as(person.key()).isNotEmpty().allSatisfy(activity -> {
                assertThat(activity.date()).isBetween(enrolled, last);
                assertThat(project.activityTypes()).contains(activity.type());
                assertThat(activity.hours()).isPositive().isLessThanOrEqualTo(java.math.BigDecimal.valueOf(24));
                assertThat(activity.hours().remainder(new java.math.BigDecimal("0.25"))).isZero();
            });
            assertThat(person.outcomes()).as(person.key()).allSatisfy(outcome -> {
                assertThat(outcome.date()).isBetween(enrolled, AS_OF);
                assertThat(project.outcomeTypes()).contains(outcome.type());
                assertThat(outcome.followUp()).isEqualTo(filedAt(person.leaving(), outcome.date()));
            });
        }
    }

    @Test
    void about_half_leave_and_most_leavers_have_an_outcome_at_each_point_they_have_reached() {
        long leavers = count(person -> person.leaving() != null);
        assertThat(leavers).isBetween(120L, 195L);
        long reachedSixMonths = count(person -> person.leaving() != null
                && !person.leaving().leftOn().plusMonths(6).plusDays(14).isAfter(AS_OF));
        long withSixMonths = count(person -> person.keptOutcomes().stream().anyMatch(o -> o.followUp().equals("MONTHS_6")));
        assertThat(withSixMonths).isBetween(reachedSixMonths / 2, reachedSixMonths);
        long withUponLeaving = count(person -> person.keptOutcomes().stream().anyMatch(o -> o.followUp().equals("UPON_LEAVING")));
        long employedUponLeaving = count(person -> person.keptOutcomes().stream()
                .anyMatch(o -> o.followUp().equals("UPON_LEAVING") && o.type().equals("EMPLOYED")));
        assertThat(100 * employedUponLeaving / withUponLeaving).isBetween(8L, 35L);
        assertThat(kept("JOB_SEARCHING")).isPositive();
        assertThat(kept("IN_EDUCATION_OR_TRAINING")).isPositive();
        assertThat(kept("STEP_FORWARD")).isPositive();
        assertThat(count(person -> person.outcomes().stream().anyMatch(DemoOutcome::mistaken))).isBetween(1L, 30L);
        assertThat(count(person -> person.activities().stream().anyMatch(DemoActivity::mistaken))).isBetween(1L, 30L);
    }

    @Test
    void the_entry_data_mixes_genders_ages_statuses_and_a_few_protected_identities() {
        assertThat(share(person -> person.entry().gender().equals("WOMAN"))).isBetween(30L, 60L);
        assertThat(share(person -> person.entry().gender().equals("MAN"))).isBetween(35L, 65L);
        assertThat(count(person -> person.entry().gender().equals("NON_BINARY"))).isBetween(1L, 20L);
        assertThat(count(person -> person.entry().ageAtEntry() < 18)).isPositive();
        assertThat(count(person -> person.entry().ageAtEntry() >= 50)).isPositive();
        assertThat(values(person -> person.entry().labourMarketStatus()))
                .containsExactlyInAnyOrder("UNEMPLOYED", "LONG_TERM_UNEMPLOYED", "INACTIVE", "EMPLOYED");
        assertThat(values(person -> person.entry().educationLevel())).containsExactlyInAnyOrder("ISCED_0_2", "ISCED_3_4", "ISCED_5_8");
        assertThat(values(person -> person.entry().disability())).containsExactlyInAnyOrder("YES", "NO", "DECLINED");
        assertThat(values(person -> person.entry().minority())).containsExactlyInAnyOrder("YES", "NO", "DECLINED");
        assertThat(count(person -> person.entry().thirdCountryNational() && !person.entry().foreignBackground())).isZero();
        assertThat(count(person -> person.entry().homeless())).isPositive();
        assertThat(count(person -> person.entry().ruralArea())).isPositive();
        List<DemoPerson> utvag = of("23-073-S03");
        assertThat(utvag.stream().filter(this::shielded).count()).isGreaterThan(utvag.size() / 4);
        assertThat(count(this::shielded)).isLessThan(PLAN.people().size() / 4);
        assertThat(values(DemoPerson::projectId)).hasSize(3);
    }

    @Test
    void most_of_utvag_ii_get_the_digital_guidance_its_target_counts_and_only_parents_get_parent_support() {
        List<DemoPerson> utvag = of("23-073-S03");
        long guided = utvag.stream().filter(person -> person.keptActivities().stream()
                .anyMatch(activity -> activity.type().equals("DIGITAL_GUIDANCE"))).count();
        assertThat(100 * guided / utvag.size()).isGreaterThanOrEqualTo(80);
        assertThat(PLAN.people()).filteredOn(person -> person.activities().stream()
                        .anyMatch(activity -> activity.type().equals("PARENT_SUPPORT")))
                .isNotEmpty().allSatisfy(person -> assertThat(person.entry().targetGroup()).isEqualTo("PARENT"));
    }

    @Test
    void a_project_that_starts_after_the_demos_end_is_refused_with_the_reason() {
        assertThatThrownBy(() -> DemoPlan.of(SeededProjects.all(), 10, SEED, LocalDate.of(2024, 9, 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stegvis.demo.as-of");
    }

    private boolean shielded(DemoPerson person) {
        return Set.of("PROTECTED_ADDRESS", "FICTITIOUS_IDENTITY").contains(person.person().protection());
    }

    /** Where outcome-service files an outcome when all three points are the project's (outcome-service/README.md). */
    private static String filedAt(DemoPerson.Leaving leaving, LocalDate date) {
        if (leaving == null || date.isBefore(leaving.leftOn())) {
            return "DURING_PARTICIPATION";
        }
        LocalDate left = leaving.leftOn();
        if (!date.isAfter(left.plusDays(28))) {
            return "UPON_LEAVING";
        }
        if (!date.isBefore(left.plusDays(90)) && !date.isAfter(left.plusDays(118))) {
            return "DAYS_90";
        }
        LocalDate sixMonths = left.plusMonths(6);
        return !date.isBefore(sixMonths) && !date.isAfter(sixMonths.plusDays(28)) ? "MONTHS_6" : "OTHER";
    }

    /** The Luhn check as usually written: every second digit from the right doubled, the sum a multiple of ten. */
    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int fromRight = 0; fromRight < tenDigits.length(); fromRight++) {
            int digit = tenDigits.charAt(tenDigits.length() - 1 - fromRight) - '0';
            int weighted = fromRight % 2 == 1 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }

    private static LocalDate bornOn(String number) {
        int day = Integer.parseInt(number.substring(6, 8));
        return LocalDate.of(Integer.parseInt(number.substring(0, 4)), Integer.parseInt(number.substring(4, 6)),
                day > 60 ? day - 60 : day);
    }

    private static boolean coordinationNumber(String number) {
        return Integer.parseInt(number.substring(6, 8)) > 60;
    }

    private static DemoProject project(String id) {
        return PLAN.projects().stream().filter(project -> project.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<DemoPerson> of(String projectId) {
        return PLAN.people().stream().filter(person -> person.projectId().equals(projectId)).toList();
    }

    private static long count(Predicate<DemoPerson> which) {
        return PLAN.people().stream().filter(which).count();
    }

    private static long share(Predicate<DemoPerson> which) {
        return 100 * count(which) / PLAN.people().size();
    }

    private static long kept(String outcomeType) {
        return count(person -> person.keptOutcomes().stream().anyMatch(outcome -> outcome.type().equals(outcomeType)));
    }

    private static Set<String> values(java.util.function.Function<DemoPerson, String> attribute) {
        return PLAN.people().stream().map(attribute).collect(Collectors.toSet());
    }
}
