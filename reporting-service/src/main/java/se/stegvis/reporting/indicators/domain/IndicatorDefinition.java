package se.stegvis.reporting.indicators.domain;

/**
 * One indicator of the catalogue: its code (the JSON contract), a label for people, and what counts. {@code labelSv},
 * optional (null), is its Swedish label: the ESF+ report shows it where the catalogue gives one, else the label.
 */
public record IndicatorDefinition(String code, String label, String labelSv, Criterion criterion) {

    /** An indicator with no Swedish label. */
    public IndicatorDefinition(String code, String label, Criterion criterion) {
        this(code, label, null, criterion);
    }

    /** The label the ESF+ report shows: the Swedish one if the catalogue has it, else the label. */
    public String reportLabel() {
        return labelSv == null || labelSv.isBlank() ? label : labelSv;
    }
}
