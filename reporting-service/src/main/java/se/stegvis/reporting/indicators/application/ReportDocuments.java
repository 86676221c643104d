package se.stegvis.reporting.indicators.application;

import se.stegvis.reporting.indicators.domain.ReportTable;

/** The report's downloads: the same table as CSV and as XLSX. */
public interface ReportDocuments {

    byte[] csv(ReportTable table);

    byte[] xlsx(ReportTable table);
}
