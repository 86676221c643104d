package se.stegvis.reporting.indicators.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many participants an indicator counts, in all, by gender, and by target group (the project's groups in their
 * order, then any other group a participant names; empty where not broken down, as for a target).
 */
public record IndicatorCount(String code, int total, Map<Gender, Integer> byGender, Map<String, Integer> byTargetGroup) {

    public IndicatorCount {
        EnumMap<Gender, Integer> all = new EnumMap<>(Gender.class);
        for (Gender gender : Gender.values()) {
            all.put(gender, byGender.getOrDefault(gender, 0));
        }
        byGender = all;
        byTargetGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byTargetGroup));
    }

    /** A count not broken down by target group. */
    public IndicatorCount(String code, int total, Map<Gender, Integer> byGender) {
        this(code, total, byGender, Map.of());
    }
}
