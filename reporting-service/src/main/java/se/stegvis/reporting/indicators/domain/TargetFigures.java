package se.stegvis.reporting.indicators.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A target against what was reached. {@code counted} is the number of participants the target counts; {@code actual}
 * is that number for a PARTICIPANTS target and, for a PERCENT target, its share of the project's participants in
 * per cent (one decimal; null while the project has none). {@code actualShares} gives, when the target wants a gender
 * balance, each gender's share in per cent among those counted (null while none is counted).
 */
public record TargetFigures(TargetDefinition target, int counted, BigDecimal actual, IndicatorCount byGender,
                            Map<Gender, BigDecimal> actualShares) {
}
