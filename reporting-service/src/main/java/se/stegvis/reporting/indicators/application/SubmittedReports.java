package se.stegvis.reporting.indicators.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The submitted reports, one per project and cut-off: the only thing reporting-service keeps that the topics cannot
 * give back, so a rebuild of the read model never touches it.
 */
public interface SubmittedReports {

    /** Keeps the report unless one of its project and cut-off is kept already: false then, and nothing changes. */
    boolean add(SubmittedReport report);

    Optional<SubmittedReport> find(String projectId, LocalDate cutOff);

    /** The project's submitted reports, oldest cut-off first. */
    List<SubmittedReport> ofProject(String projectId);
}
