package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The invented participants of one project, one after the other from the project's own seeded random source. The
 * n-th person depends only on the seed, the project and the n-1 before them, so a smaller demo set is the start of a
 * larger one: loading 20 and then 300 adds 280 and sends the first 20 again exactly as before.
 */
final class ProjectPeople {

    private final DemoProject project;
    private final DemoMixes mixes;
    private final LocalDate asOf;
    private final String keyPrefix;
    private final Random random;
    private final Mix groups;
    private final ActivityPlanner activities;
    private final OutcomePlanner outcomes;
    private final Set<String> numbers = new HashSet<>();
    private int made;

    ProjectPeople(DemoProject project, DemoMixes mixes, long seed, LocalDate asOf) {
        this.project = project;
        this.mixes = mixes;
        this.asOf = asOf;
        this.keyPrefix = "demo-" + seed + "-" + asOf + "-" + project.id() + "-";
        this.random = new Random(seed * 1_000_003L + project.id().hashCode());
        this.groups = Mix.of(String.join(", ", project.targetGroups().stream()
                .map(group -> group + " " + mixes.profile(group).weight()).toList()));
        this.activities = new ActivityPlanner(project, mixes);
        this.outcomes = new OutcomePlanner(project, mixes, asOf);
    }

    List<DemoPerson> first(int count) {
        List<DemoPerson> people = new ArrayList<>();
        while (made < count) {
            people.add(next());
        }
        return people;
    }

    private DemoPerson next() {
        String key = keyPrefix + String.format(Locale.ROOT, "%04d", made++);
        InventedEntry entry = InventedEntry.invent(project, mixes, groups.pick(random), enrolmentDay(), random);
        String number;
        do {
            number = InventedIdentity.identityNumber(entry.born(), entry.entry().gender(), entry.coordinationNumber(), random);
        } while (!numbers.add(number));
        DemoPerson.Person person = new DemoPerson.Person(number, InventedIdentity.givenName(entry.entry().gender(), random),
                InventedIdentity.familyName(random), entry.protection());
        DemoPerson.Leaving leaving = leaving(entry.entry().enrolledOn());
        LocalDate lastDay = leaving == null ? asOf : leaving.leftOn();
        return new DemoPerson(key, project.id(), person, entry.entry(),
                activities.plan(key, entry.entry(), lastDay, random), leaving, outcomes.plan(entry.entry(), leaving, random));
    }

    /** Enrolments run from the project's start to a week before the demo's end. */
    private LocalDate enrolmentDay() {
        LocalDate last = project.end().isBefore(asOf) ? project.end() : asOf.minusDays(7);
        if (last.isBefore(project.start())) {
            throw new IllegalStateException("Project " + project.id() + " starts on " + project.start()
                    + ", after the demo's last enrolment day " + last + " (stegvis.demo.as-of)");
        }
        return project.start().plusDays(random.nextInt((int) ChronoUnit.DAYS.between(project.start(), last) + 1));
    }

    /**
     * About half leave: the longer someone has been in, the likelier, after a stay of one month to a year and a half.
     * Nobody leaves after the demo's end.
     */
    private DemoPerson.Leaving leaving(LocalDate enrolledOn) {
        long daysIn = ChronoUnit.DAYS.between(enrolledOn, asOf);
        double likelihood = Math.min(0.9, Math.max(0.1, (double) daysIn / mixes.daysToLikelyLeave()));
        if (daysIn < 30 || random.nextDouble() >= likelihood) {
            return null;
        }
        int stay = 30 + random.nextInt((int) Math.min(daysIn, 540) - 30 + 1);
        return new DemoPerson.Leaving(enrolledOn.plusDays(stay),
                mixes.leavingReasons().pick(random));
    }
}
