package se.stegvis.reporting.indicators.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A participant's entry characteristics as the catalogue reads them: the gender every indicator is broken down by,
 * the age at entry, and every other attribute by its name (e.g. {@code labourMarketStatus} → {@code UNEMPLOYED},
 * {@code homeless} → {@code true}), so a catalogue entry can name any attribute without code for it.
 */
public record EntryFacts(Gender gender, int ageAtEntry, Map<String, String> attributes) {

    public EntryFacts {
        Objects.requireNonNull(gender, "gender");
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
