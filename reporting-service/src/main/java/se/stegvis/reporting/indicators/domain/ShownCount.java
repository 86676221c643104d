package se.stegvis.reporting.indicators.domain;

import java.util.Map;

/**
 * A count in the cross-project view: null where it is withheld. {@code byTargetGroup} is a project's breakdown by its
 * target groups (empty for the total column, which has none).
 */
public record ShownCount(String code, Integer total, Map<Gender, Integer> byGender, Map<String, Integer> byTargetGroup) {
}
