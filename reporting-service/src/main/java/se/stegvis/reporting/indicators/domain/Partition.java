package se.stegvis.reporting.indicators.domain;

import java.util.List;

/**
 * Indicators whose counts add up to another's: every participant falls in exactly one part (e.g. the three ISCED
 * bands make up {@code participants}). Published beside each other they are one more additive relation that
 * suppression must respect.
 */
public record Partition(String whole, List<String> parts) {

    public Partition {
        parts = List.copyOf(parts);
    }
}
