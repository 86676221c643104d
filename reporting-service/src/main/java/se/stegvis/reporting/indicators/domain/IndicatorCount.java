package se.stegvis.reporting.indicators.domain;

import java.util.EnumMap;
import java.util.Map;

/** How many participants an indicator counts, in all and by gender. */
public record IndicatorCount(String code, int total, Map<Gender, Integer> byGender) {

    public IndicatorCount {
        EnumMap<Gender, Integer> all = new EnumMap<>(Gender.class);
        for (Gender gender : Gender.values()) {
            all.put(gender, byGender.getOrDefault(gender, 0));
        }
        byGender = all;
    }
}
