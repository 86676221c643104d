package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A participant's outcomes: for someone who left, one at each of the project's follow-up points already reached by
 * the demo's end (unless they could not be reached), dated within the first two weeks of the point's four-week
 * window so outcome-service files it there; for someone still taking part, now and then a step forward. Someone in
 * work or studies tends to stay there at the next point. A few are first recorded with the wrong type and retracted.
 */
record OutcomePlanner(DemoProject project, DemoMixes mixes, LocalDate asOf) {

    static final String DURING_PARTICIPATION = "DURING_PARTICIPATION";
    private static final Set<String> LASTING = Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING");

    List<DemoOutcome> plan(DemoPerson.Entry entry, DemoPerson.Leaving leaving, Random random) {
        List<DemoOutcome> outcomes = new ArrayList<>();
        if (leaving == null) {
            LocalDate from = entry.enrolledOn().plusDays(30);
            if (project.outcomeTypes().contains("STEP_FORWARD") && !from.isAfter(asOf)
                    && random.nextInt(100) < mixes.percent("stepForwardWhileTakingPartPercent")) {
                LocalDate date = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, asOf) + 1));
                outcomes.add(new DemoOutcome("STEP_FORWARD", date, DURING_PARTICIPATION, false));
            }
            return List.copyOf(outcomes);
        }
        String previous = "NONE";
        for (String point : project.followUpPoints()) {
            LocalDate due = dueOn(point, leaving.leftOn());
            if (due == null || due.isAfter(asOf) || mixes.outcomesAt(point) == null) {
                continue;
            }
            Mix mix = mixes.outcomesAt(point).only(type -> type.equals("NONE") || project.outcomeTypes().contains(type));
            String type = LASTING.contains(previous) && !mix.only(previous::equals).isEmpty()
                    && random.nextInt(100) < mixes.percent("stayingInWorkOrStudiesPercent") ? previous : mix.pick(random);
            LocalDate date = min(due.plusDays(random.nextInt(15)), asOf);
            if (!type.equals("NONE") && random.nextInt(100) < mixes.percent("slips.outcomePercent")) {
                Mix others = mix.only(other -> !other.equals("NONE") && !other.equals(type));
                if (!others.isEmpty()) {
                    outcomes.add(new DemoOutcome(others.pick(random), date, point, true));
                }
            }
            if (!type.equals("NONE")) {
                outcomes.add(new DemoOutcome(type, date, point, false));
            }
            previous = type;
        }
        return List.copyOf(outcomes);
    }

    /** As outcome-service counts: on leaving, 90 days and six months (java.time month arithmetic) after it. */
    static LocalDate dueOn(String point, LocalDate leftOn) {
        switch (point) {
            case "UPON_LEAVING":
                return leftOn;
            case "DAYS_90":
                return leftOn.plusDays(90);
            case "MONTHS_6":
                return leftOn.plusMonths(6);
            default:
                return null;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
