package se.stegvis.reporting.indicators.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.ViewCurrency;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.ProjectFigures;

/**
 * The indicator views: a project's exact figures (its STAFF and OWNERs), and every project side by side with small
 * counts withheld (any member of a project), each with how current its figures are. ReadIndicators decides who sees
 * what, ViewCurrency how current it is.
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
    ProjectIndicatorsResponse project(Caller caller, @PathVariable String projectId) {
        ViewCurrency.Stamped<ProjectFigures> read = currency.read(() -> indicators.ofProject(caller, projectId));
        return ProjectIndicatorsResponse.of(read.view(), read.currency());
    }

    @GetMapping("/api/indicators")
    ConsolidatedIndicatorsResponse consolidated(Caller caller) {
        ViewCurrency.Stamped<ConsolidatedView> read = currency.read(() -> indicators.consolidated(caller));
        return ConsolidatedIndicatorsResponse.of(read.view(), read.currency(), ComplementarySuppression.THRESHOLD_BELOW);
    }
}
