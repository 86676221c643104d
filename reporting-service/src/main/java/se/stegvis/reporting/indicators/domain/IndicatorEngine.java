package se.stegvis.reporting.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Interprets the catalogue and a project's targets over the project's participants: plain counting, no storage. */
public final class IndicatorEngine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndicatorCatalogue catalogue;

    public IndicatorEngine(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    /** The project's figures over its participants on the day (those not enrolled by then are left out). */
    public ProjectFigures figures(ProjectDefinition project, List<ProjectedParticipant> participants, LocalDate day) {
        ProjectCounts counts = counts(project, day);
        participants.forEach(participant -> counts.add(participant.counted(catalogue, day), participant.lastOccurredAt()));
        return counts.figures();
    }

    /** Empty counts for the project on the day, to be kept up to date participant by participant. */
    public ProjectCounts counts(ProjectDefinition project, LocalDate day) {
        return new ProjectCounts(project, catalogue, day);
    }

    static TargetFigures against(TargetDefinition target, IndicatorCount count, int denominator) {
        BigDecimal actual = target.unit() == TargetUnit.PERCENT ? percent(count.total(), denominator)
                : BigDecimal.valueOf(count.total());
        Map<Gender, BigDecimal> shares = null;
        if (!target.genderShares().isEmpty() && count.total() > 0) {
            shares = new EnumMap<>(Gender.class);
            for (Gender gender : Gender.values()) {
                shares.put(gender, percent(count.byGender().get(gender), count.total()));
            }
        }
        return new TargetFigures(target, count.total(), denominator, actual, count, shares);
    }

    /** Per cent with one decimal, half up; null of nothing. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
