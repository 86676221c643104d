package se.stegvis.reporting.indicators.application;

import java.util.Set;

/**
 * Told after each applied batch which projects' figures may have changed, once the batch is stored: the live
 * stream subscribes here, so it needs nothing from the projection itself.
 */
@FunctionalInterface
public interface ViewChanges {

    ViewChanges NONE = projectIds -> { };

    void changed(Set<String> projectIds);
}
