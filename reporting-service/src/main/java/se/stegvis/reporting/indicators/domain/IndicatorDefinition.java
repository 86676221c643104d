package se.stegvis.reporting.indicators.domain;

/** One indicator of the catalogue: its code (the JSON contract), a label for people, and what counts. */
public record IndicatorDefinition(String code, String label, Criterion criterion) {
}
