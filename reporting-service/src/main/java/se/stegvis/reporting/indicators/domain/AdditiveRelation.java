package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.List;

/** Published cells that add up: the parts sum to the whole. */
public record AdditiveRelation<C>(C whole, List<C> parts) {

    public AdditiveRelation {
        parts = List.copyOf(parts);
    }

    /** The parts, then the whole. */
    public List<C> members() {
        List<C> members = new ArrayList<>(parts);
        members.add(whole);
        return members;
    }
}
