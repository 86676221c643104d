package se.stegvis.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import se.stegvis.localstack.CastMember.PlannedOutcome;
import tools.jackson.databind.JsonNode;

/**
 * A project's figures worked out from what the scenario did, independently of reporting-service: the ESF+ counting
 * rules of DESIGN.md and DOMAIN.md written out plainly, and the project's targets as participant-service's catalogue
 * gives them. Figures are compared as text: {@code code: total {WOMAN=.., MAN=.., ...}}.
 */
final class ExpectedFigures {

    static final List<String> GENDERS = List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");

    /**
     * What counts of a participant: the final entry data, the age at entry, current outcomes and activity types, the
     * target group and the leaving day (null while taking part).
     */
    record Counted(CastMember.Profile entry, int age, List<PlannedOutcome> outcomes, Set<String> activityTypes, String targetGroup,
                   LocalDate leftOn) {

        boolean outcome(String type, String followUp) {
            return outcomes.stream().anyMatch(o -> o.type().equals(type) && (followUp == null || followUp.equals(o.followUp())));
        }

        boolean flagged(String flag) {
            return entry.flags().contains(flag);
        }
    }

    private static final Map<String, Predicate<Counted>> INDICATORS = new LinkedHashMap<>();

    static {
        INDICATORS.put("participants", c -> true);
        INDICATORS.put("unemployed", c -> Set.of("UNEMPLOYED", "LONG_TERM_UNEMPLOYED").contains(c.entry().labourMarketStatus()));
        INDICATORS.put("long-term-unemployed", c -> c.entry().labourMarketStatus().equals("LONG_TERM_UNEMPLOYED"));
        INDICATORS.put("inactive", c -> c.entry().labourMarketStatus().equals("INACTIVE"));
        INDICATORS.put("employed", c -> c.entry().labourMarketStatus().equals("EMPLOYED"));
        INDICATORS.put("age-below-18", c -> c.age() < 18);
        INDICATORS.put("age-18-29", c -> c.age() >= 18 && c.age() <= 29);
        INDICATORS.put("age-55-plus", c -> c.age() >= 55);
        INDICATORS.put("isced-0-2", c -> c.entry().educationLevel().equals("ISCED_0_2"));
        INDICATORS.put("isced-3-4", c -> c.entry().educationLevel().equals("ISCED_3_4"));
        INDICATORS.put("isced-5-8", c -> c.entry().educationLevel().equals("ISCED_5_8"));
        INDICATORS.put("disabilities", c -> c.entry().disability().equals("YES"));
        INDICATORS.put("third-country-nationals", c -> c.flagged("thirdCountryNational"));
        INDICATORS.put("foreign-background", c -> c.flagged("foreignBackground"));
        INDICATORS.put("minorities", c -> c.entry().minority().equals("YES"));
        INDICATORS.put("homeless", c -> c.flagged("homeless"));
        INDICATORS.put("rural", c -> c.flagged("ruralArea"));
        INDICATORS.put("job-searching-upon-leaving", c -> c.outcome("JOB_SEARCHING", "UPON_LEAVING"));
        INDICATORS.put("in-education-upon-leaving", c -> c.outcome("IN_EDUCATION_OR_TRAINING", "UPON_LEAVING"));
        INDICATORS.put("qualification-upon-leaving", c -> c.outcome("GAINED_QUALIFICATION", "UPON_LEAVING"));
        INDICATORS.put("employed-upon-leaving", c -> c.outcome("EMPLOYED", "UPON_LEAVING"));
        INDICATORS.put("employed-six-months", c -> c.outcome("EMPLOYED", "MONTHS_6"));
        // The Commission's definition: only participants employed at entry can have an improved situation.
        INDICATORS.put("improved-situation-six-months", c -> c.outcome("IMPROVED_LABOUR_MARKET_SITUATION", "MONTHS_6")
                && c.entry().labourMarketStatus().equals("EMPLOYED"));
    }

    private ExpectedFigures() {
    }

    /** Every indicator of the catalogue, as {@code code: total {gender=n, ...}}. */
    static Map<String, String> indicators(List<CastMember> members) {
        List<Counted> counted = members.stream().map(ExpectedFigures::counted).toList();
        Map<String, String> figures = new TreeMap<>();
        INDICATORS.forEach((code, rule) -> figures.put(code, figure(counted, rule)));
        return figures;
    }

    /**
     * Every target of the project definition (participant-service's JSON), as {@code code: target unit actual ...}, on
     * {@code today}: a target is measured among its target group's participants for whom its follow-up point has come
     * (leaving + 0 days, 90 days, 6 months), and a share is taken of them.
     */
    static Map<String, String> targets(JsonNode project, List<CastMember> members, LocalDate today) {
        List<Counted> counted = members.stream().map(ExpectedFigures::counted).toList();
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode target : project.path("targets")) {
            Predicate<Counted> eligible = eligible(target, today);
            Predicate<Counted> rule = eligible.and(targetRule(target));
            List<Counted> reached = counted.stream().filter(rule).toList();
            BigDecimal actual = target.path("unit").asString().equals("PERCENT")
                    ? percent(reached.size(), (int) counted.stream().filter(eligible).count()) : BigDecimal.valueOf(reached.size());
            String shares = target.path("genderShares").isEmpty() || reached.isEmpty() ? "-" : GENDERS.stream()
                    .map(g -> g + "=" + plain(percent((int) reached.stream().filter(c -> c.entry().gender().equals(g)).count(), reached.size())))
                    .collect(Collectors.joining(", "));
            figures.put(target.path("code").asString(), target.path("target").asInt() + " " + target.path("unit").asString()
                    + " actual " + plain(actual) + " counted " + figure(counted, rule) + " shares " + shares);
        }
        return figures;
    }

    /**
     * What the loads' accepted commands add to {@link InventedPeople#PROJECT}'s view, by the same rules: every enrolled
     * participant; and of them those with a current (recorded, not retracted) DIGITAL_GUIDANCE activity
     * (digital-guidance), STEP_FORWARD outcome (step-forward), EMPLOYED or IN_EDUCATION_OR_TRAINING outcome
     * (work-or-studies; the load's outcomes fall during participation, which that target does not restrict).
     */
    static Convergence.ViewCounts ofLoads(Collection<Ledger> ledgers) {
        List<Ledger.Accepted> accepted = ledgers.stream().flatMap(ledger -> ledger.accepted().stream()).toList();
        Map<Ledger.Kind, Map<String, Set<String>>> current = new EnumMap<>(Ledger.Kind.class);
        for (Ledger.Kind kind : List.of(Ledger.Kind.ACTIVITY, Ledger.Kind.OUTCOME)) {
            Set<String> retracted = accepted.stream().filter(entry -> entry.kind() == kind.retraction()).map(Ledger.Accepted::id)
                    .collect(Collectors.toSet());
            current.put(kind, accepted.stream().filter(entry -> entry.kind() == kind && !retracted.contains(entry.id()))
                    .collect(Collectors.groupingBy(Ledger.Accepted::participantId,
                            Collectors.mapping(Ledger.Accepted::type, Collectors.toSet()))));
        }
        Set<String> participants = accepted.stream().filter(entry -> entry.kind() == Ledger.Kind.ENROLMENT).map(Ledger.Accepted::id)
                .collect(Collectors.toSet());
        Map<String, Set<String>> activities = current.get(Ledger.Kind.ACTIVITY);
        Map<String, Set<String>> outcomes = current.get(Ledger.Kind.OUTCOME);
        return new Convergence.ViewCounts(participants.size(), having(participants, activities, Set.of("DIGITAL_GUIDANCE")),
                having(participants, outcomes, Set.of("STEP_FORWARD")),
                having(participants, outcomes, Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING")));
    }

    private static int having(Set<String> participants, Map<String, Set<String>> currentTypes, Set<String> counted) {
        return (int) participants.stream()
                .filter(participant -> currentTypes.getOrDefault(participant, Set.of()).stream().anyMatch(counted::contains)).count();
    }

    private static Predicate<Counted> eligible(JsonNode target, LocalDate today) {
        String group = target.path("targetGroup").isMissingNode() || target.path("targetGroup").isNull() ? null
                : target.path("targetGroup").asString();
        String followUp = target.path("followUp").isNull() ? null : target.path("followUp").asString();
        return c -> (group == null || group.equals(c.targetGroup()))
                && (followUp == null || c.leftOn() != null && !dueOn(followUp, c.leftOn()).isAfter(today));
    }

    private static LocalDate dueOn(String followUp, LocalDate leftOn) {
        return switch (followUp) {
            case "UPON_LEAVING" -> leftOn;
            case "DAYS_90" -> leftOn.plusDays(90);
            case "MONTHS_6" -> leftOn.plusMonths(6);
            default -> throw new IllegalArgumentException(followUp);
        };
    }

    private static Predicate<Counted> targetRule(JsonNode target) {
        List<String> outcomeTypes = texts(target.path("outcomeTypes"));
        List<String> activityTypes = texts(target.path("activityTypes"));
        String followUp = target.path("followUp").isNull() ? null : target.path("followUp").asString();
        if (!outcomeTypes.isEmpty()) {
            return c -> outcomeTypes.stream().anyMatch(type -> c.outcome(type, followUp));
        }
        if (!activityTypes.isEmpty()) {
            return c -> activityTypes.stream().anyMatch(c.activityTypes()::contains);
        }
        return c -> true;
    }

    static Counted counted(CastMember member) {
        int age = Period.between(member.born(), member.enrolledOn).getYears();
        List<PlannedOutcome> current = new ArrayList<>(member.outcomes.stream().filter(o -> !o.retracted()).toList());
        // Job searching and employed upon leaving exclude each other: only the later one counts.
        current.stream().filter(ExpectedFigures::exclusive).max((a, b) -> a.date().compareTo(b.date()))
                .ifPresent(latest -> current.removeIf(o -> o != latest && exclusive(o)));
        Set<String> activityTypes = member.activities.stream().filter(a -> !a.retracted())
                .map(CastMember.PlannedActivity::type).collect(Collectors.toSet());
        return new Counted(member.finalProfile(), age, current, activityTypes, member.targetGroup, member.leftOn);
    }

    private static boolean exclusive(PlannedOutcome outcome) {
        return "UPON_LEAVING".equals(outcome.followUp()) && Set.of("JOB_SEARCHING", "EMPLOYED").contains(outcome.type());
    }

    private static String figure(List<Counted> counted, Predicate<Counted> rule) {
        Map<String, Integer> byGender = new LinkedHashMap<>();
        GENDERS.forEach(g -> byGender.put(g, (int) counted.stream().filter(rule).filter(c -> c.entry().gender().equals(g)).count()));
        return counted.stream().filter(rule).count() + " " + byGender;
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A number as both sides print it: 3, 16.7, 20 (not 20.0); null for none. */
    static String plain(BigDecimal number) {
        return number == null ? "null" : number.stripTrailingZeros().toPlainString();
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
