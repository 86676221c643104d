package se.stegvis.reporting.indicators.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A target against what was reached. {@code counted} is the number of participants the target counts;
 * {@code denominator} the number it is measured among (its target group's participants whose follow-up point has
 * come, see {@link TargetDefinition#eligible()}); {@code actual} is {@code counted} for a PARTICIPANTS target and, for a
 * PERCENT target, {@code counted} as a share of {@code denominator} in per cent (one decimal; null while the
 * denominator is 0). {@code actualShares} gives, when the target wants a gender balance, each gender's share in per
 * cent among those counted (null while none is counted).
 */
public record TargetFigures(TargetDefinition target, int counted, int denominator, BigDecimal actual, IndicatorCount byGender,
                            Map<Gender, BigDecimal> actualShares) {
}
