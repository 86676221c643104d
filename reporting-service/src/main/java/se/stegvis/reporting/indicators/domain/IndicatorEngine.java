package se.stegvis.reporting.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** The project's figures over its participants (those not yet enrolled are left out). */
    public ProjectFigures figures(ProjectDefinition project, List<ProjectedParticipant> participants) {
        List<CountedParticipant> counted = participants.stream().map(p -> p.counted(catalogue)).filter(Objects::nonNull).toList();
        Instant asOf = participants.stream().map(ProjectedParticipant::lastOccurredAt).filter(Objects::nonNull)
                .reduce(project.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        List<IndicatorCount> indicators = catalogue.indicators().stream()
                .map(indicator -> count(indicator.code(), indicator.criterion(), counted)).toList();
        List<TargetFigures> targets = project.targets().stream().map(target -> against(target, counted)).toList();
        return new ProjectFigures(project, asOf, counted.size(), indicators, targets);
    }

    private static IndicatorCount count(String code, Criterion criterion, List<CountedParticipant> participants) {
        Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
        int total = 0;
        for (CountedParticipant participant : participants) {
            if (criterion.counts(participant)) {
                total++;
                byGender.merge(participant.entry().gender(), 1, Integer::sum);
            }
        }
        return new IndicatorCount(code, total, byGender);
    }

    private static TargetFigures against(TargetDefinition target, List<CountedParticipant> participants) {
        IndicatorCount count = count(target.code(), target.criterion(), participants);
        BigDecimal actual = target.unit() == TargetUnit.PERCENT ? percent(count.total(), participants.size())
                : BigDecimal.valueOf(count.total());
        Map<Gender, BigDecimal> shares = null;
        if (!target.genderShares().isEmpty() && count.total() > 0) {
            shares = new EnumMap<>(Gender.class);
            for (Gender gender : Gender.values()) {
                shares.put(gender, percent(count.byGender().get(gender), count.total()));
            }
        }
        return new TargetFigures(target, count.total(), actual, count, shares);
    }

    /** Per cent with one decimal, half up; null of nothing. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
