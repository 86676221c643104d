package se.stegvis.reporting.indicators.domain;

import java.util.Map;

/** A count in the cross-project view: null where it is withheld. */
public record ShownCount(String code, Integer total, Map<Gender, Integer> byGender) {
}
