package se.stegvis.reporting.indicators.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;

/**
 * The indicator views: a project's exact figures (its STAFF and OWNERs), and every project side by side with small
 * counts withheld (any member of a project). ReadIndicators decides.
 */
@RestController
class IndicatorController {

    private final ReadIndicators indicators;

    IndicatorController(ReadIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/projects/{projectId}/indicators")
    ProjectIndicatorsResponse project(Caller caller, @PathVariable String projectId) {
        return ProjectIndicatorsResponse.of(indicators.ofProject(caller, projectId));
    }

    @GetMapping("/api/indicators")
    ConsolidatedIndicatorsResponse consolidated(Caller caller) {
        return ConsolidatedIndicatorsResponse.of(indicators.consolidated(caller), ComplementarySuppression.THRESHOLD_BELOW);
    }
}
