package se.stegvis.reporting.indicators.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A participant's entry characteristics as the catalogue reads them: the gender every indicator is broken down by,
 * the age at entry, and every other attribute by its name (e.g. {@code labourMarketStatus} → {@code UNEMPLOYED},
 * {@code homeless} → {@code true}, {@code enrolledOn} → {@code 2025-02-03}), so a catalogue entry can name any
 * attribute without code for it.
 */
public record EntryFacts(Gender gender, int ageAtEntry, Map<String, String> attributes) {

    public static final String ENROLLED_ON = "enrolledOn";

    public EntryFacts {
        Objects.requireNonNull(gender, "gender");
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /**
     * The day the participant entered the project, which decides from which day on they count; null where the entry
     * names none (every event carries it, and every stored form of the read model kept it), and then they count on any day.
     */
    public LocalDate enrolledOn() {
        String day = attributes.get(ENROLLED_ON);
        return day == null ? null : LocalDate.parse(day);
    }
}
