package se.stegvis.reporting.indicators.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.stegvis.reporting.indicators.application.Currency;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorCount;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.TargetFigures;

/**
 * One project's exact figures, the JSON of DESIGN.md plus the planned participants, each target's details, how
 * current the figures are ({@link CurrencyResponse}) and the day they are of.
 *
 * @param asOf     the latest occurredAt among the events the figures rest on
 * @param asOfDate the business day the figures are counted for: the {@code asOf} parameter, or today
 */
record ProjectIndicatorsResponse(String projectId, String name, String region, String nuts2, Instant asOf,
                                 int plannedParticipants, int participants, List<Indicator> indicators, List<Target> targets,
                                 CurrencyResponse currency, LocalDate asOfDate) {

    /** @param byTargetGroup the count among each of the project's target groups, which add up to {@code total} */
    record Indicator(String code, int total, Map<String, Integer> byGender, Map<String, Integer> byTargetGroup) {
        static Indicator of(IndicatorCount count) {
            Map<String, Integer> byGender = new LinkedHashMap<>();
            count.byGender().forEach((gender, n) -> byGender.put(gender.name(), n));
            return new Indicator(count.code(), count.total(), byGender, count.byTargetGroup());
        }
    }

    /**
     * @param actual participants counted, or for a PERCENT target their share of {@code denominator}
     * @param counted participants the target counts, whatever its unit
     * @param actualShares per cent of those counted by gender, when the target sets genderShares (null while none)
     * @param targetGroup the target group the target is measured in (null: every group)
     * @param denominator participants the target is measured among: of its target group, and for whom its follow-up
     *                    point has come
     */
    record Target(String code, int target, String unit, BigDecimal actual, int counted, List<String> outcomeTypes,
                  List<String> activityTypes, String followUp, Map<String, Integer> byGender,
                  Map<String, Integer> genderShares, Map<String, BigDecimal> actualShares, String targetGroup,
                  int denominator) {
        static Target of(TargetFigures figures) {
            Map<String, BigDecimal> shares = null;
            if (figures.actualShares() != null) {
                shares = new LinkedHashMap<>();
                for (Gender gender : Gender.values()) {
                    shares.put(gender.name(), figures.actualShares().get(gender));
                }
            }
            var target = figures.target();
            return new Target(target.code(), target.target(), target.unit().name(), figures.actual(), figures.counted(),
                    target.outcomeTypes().stream().sorted().toList(), target.activityTypes().stream().sorted().toList(),
                    target.followUp(), Indicator.of(figures.byGender()).byGender(), new LinkedHashMap<>(target.genderShares()), shares,
                    target.targetGroup(), figures.denominator());
        }
    }

    static ProjectIndicatorsResponse of(ProjectFigures figures, Currency currency) {
        var project = figures.project();
        return new ProjectIndicatorsResponse(project.projectId(), project.name(), project.regionName(), project.nuts2(),
                figures.asOf(), project.plannedParticipants(), figures.participants(),
                figures.indicators().stream().map(Indicator::of).toList(), figures.targets().stream().map(Target::of).toList(),
                CurrencyResponse.of(currency), figures.day());
    }
}
