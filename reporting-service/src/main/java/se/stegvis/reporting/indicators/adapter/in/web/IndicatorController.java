package se.stegvis.reporting.indicators.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.domain.ComplementarySuppression;

/** The indicator views: a project's exact figures, and every project side by side with small counts withheld. */
@RestController
class IndicatorController {

    private final ReadIndicators indicators;

    IndicatorController(ReadIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/projects/{projectId}/indicators")
    ProjectIndicatorsResponse project(@PathVariable String projectId) {
        return ProjectIndicatorsResponse.of(indicators.ofProject(projectId));
    }

    @GetMapping("/api/indicators")
    ConsolidatedIndicatorsResponse consolidated() {
        return ConsolidatedIndicatorsResponse.of(indicators.consolidated(), ComplementarySuppression.THRESHOLD_BELOW);
    }
}
