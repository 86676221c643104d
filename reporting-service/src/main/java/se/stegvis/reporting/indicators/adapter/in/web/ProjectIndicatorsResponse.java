package se.stegvis.reporting.indicators.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.stegvis.reporting.indicators.application.Currency;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorCount;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.TargetFigures;

/**
 * One project's exact figures, the JSON of DESIGN.md plus the planned participants, each target's details and how
 * current the figures are ({@link CurrencyResponse}).
 */
record ProjectIndicatorsResponse(String projectId, String name, String region, String nuts2, Instant asOf,
                                 int plannedParticipants, int participants, List<Indicator> indicators, List<Target> targets,
                                 CurrencyResponse currency) {

    record Indicator(String code, int total, Map<String, Integer> byGender) {
        static Indicator of(IndicatorCount count) {
            Map<String, Integer> byGender = new LinkedHashMap<>();
            count.byGender().forEach((gender, n) -> byGender.put(gender.name(), n));
            return new Indicator(count.code(), count.total(), byGender);
        }
    }

    /**
     * @param actual participants counted, or for a PERCENT target their share of the project's participants
     * @param counted participants the target counts, whatever its unit
     * @param actualShares per cent of those counted by gender, when the target sets genderShares (null while none)
     */
    record Target(String code, int target, String unit, BigDecimal actual, int counted, List<String> outcomeTypes,
                  List<String> activityTypes, String followUp, Map<String, Integer> byGender,
                  Map<String, Integer> genderShares, Map<String, BigDecimal> actualShares) {
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
                    target.followUp(), Indicator.of(figures.byGender()).byGender(), new LinkedHashMap<>(target.genderShares()), shares);
        }
    }

    static ProjectIndicatorsResponse of(ProjectFigures figures, Currency currency) {
        var project = figures.project();
        return new ProjectIndicatorsResponse(project.projectId(), project.name(), project.regionName(), project.nuts2(),
                figures.asOf(), project.plannedParticipants(), figures.participants(),
                figures.indicators().stream().map(Indicator::of).toList(), figures.targets().stream().map(Target::of).toList(),
                CurrencyResponse.of(currency));
    }
}
