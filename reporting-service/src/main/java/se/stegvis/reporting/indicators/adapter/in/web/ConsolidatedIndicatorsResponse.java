package se.stegvis.reporting.indicators.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.stegvis.reporting.indicators.application.Currency;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.ShownCount;

/**
 * The cross-project view: projects side by side and their total; a withheld count is null. {@code currency} says
 * whether the figures are final ({@link CurrencyResponse}); {@code asOfDate} which day they are of (the {@code asOf}
 * parameter, or today), {@code asOf} the latest event they rest on.
 */
record ConsolidatedIndicatorsResponse(Instant asOf, int suppressedBelow, List<Project> projects, Total total,
                                      CurrencyResponse currency, LocalDate asOfDate) {

    /** @param byTargetGroup a project's count by its target groups (empty in the total column), withheld like any cell */
    record Indicator(String code, Integer total, Map<String, Integer> byGender, Map<String, Integer> byTargetGroup) {
        static Indicator of(ShownCount count) {
            Map<String, Integer> byGender = new LinkedHashMap<>();
            count.byGender().forEach((gender, n) -> byGender.put(gender.name(), n));
            return new Indicator(count.code(), count.total(), byGender, count.byTargetGroup());
        }
    }

    record Project(String projectId, String name, String region, String nuts2, int plannedParticipants,
                   List<Indicator> indicators) {
    }

    record Total(List<Indicator> indicators) {
    }

    static ConsolidatedIndicatorsResponse of(ConsolidatedView view, Currency currency, int suppressedBelow) {
        List<Project> projects = view.projects().stream().map(column -> new Project(column.project().projectId(),
                column.project().name(), column.project().regionName(), column.project().nuts2(), column.plannedParticipants(),
                column.indicators().stream().map(Indicator::of).toList())).toList();
        return new ConsolidatedIndicatorsResponse(view.asOf(), suppressedBelow, projects,
                new Total(view.total().stream().map(Indicator::of).toList()), CurrencyResponse.of(currency), view.day());
    }
}
