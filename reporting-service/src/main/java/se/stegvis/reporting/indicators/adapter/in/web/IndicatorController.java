package se.stegvis.reporting.indicators.adapter.in.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.ViewCurrency;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.service.command.InvalidCommand;

/**
 * The indicator views: a project's exact figures (its STAFF and OWNERs), and every project side by side with small
 * counts withheld (any member of a project), each with how current its figures are; of today, or of an earlier day
 * with {@code ?asOf=YYYY-MM-DD}. ReadIndicators decides who sees what and which days may be asked for, ViewCurrency how
 * current it is.
 */
@RestController
class IndicatorController {

    private final ReadIndicators indicators;
    private final ViewCurrency currency;

    IndicatorController(ReadIndicators indicators, ViewCurrency currency) {
        this.indicators = indicators;
        this.currency = currency;
    }

    @GetMapping("/api/projects/{projectId}/indicators")
    ProjectIndicatorsResponse project(Caller caller, @PathVariable String projectId,
            @RequestParam(name = ReadIndicators.AS_OF, required = false) String asOf) {
        LocalDate day = day(asOf);
        ViewCurrency.Stamped<ProjectFigures> read = currency.read(() -> indicators.ofProject(caller, projectId, day));
        return ProjectIndicatorsResponse.of(read.view(), read.currency());
    }

    @GetMapping("/api/indicators")
    ConsolidatedIndicatorsResponse consolidated(Caller caller,
            @RequestParam(name = ReadIndicators.AS_OF, required = false) String asOf) {
        LocalDate day = day(asOf);
        ViewCurrency.Stamped<ConsolidatedView> read = currency.read(() -> indicators.consolidated(caller, day));
        return ConsolidatedIndicatorsResponse.of(read.view(), read.currency(), ComplementarySuppression.THRESHOLD_BELOW);
    }

    /** Null when not given (today); a 400 naming the parameter when it is not a date. */
    private static LocalDate day(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidCommand(ReadIndicators.AS_OF, "must be a date, YYYY-MM-DD");
        }
    }
}
