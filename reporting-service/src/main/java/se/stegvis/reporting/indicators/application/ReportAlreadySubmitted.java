package se.stegvis.reporting.indicators.application;

import java.time.LocalDate;

/** The report of that project and cut-off was submitted before: it stays as it was sent. */
public final class ReportAlreadySubmitted extends RuntimeException {

    public ReportAlreadySubmitted(String projectId, LocalDate cutOff) {
        super("The report of " + projectId + " for " + cutOff + " is already submitted");
    }
}
