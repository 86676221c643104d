package se.stegvis.participant.participants.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import se.stegvis.participant.participants.domain.ScbMonthlyFile;

/**
 * The monthly file as SCB's delimited text (docs/scb-file.md): UTF-8 without a byte order mark, a header line, one
 * line per row, fields separated by semicolons, lines ended by CR LF, dates as YYYY-MM-DD, an empty end date while
 * the participation goes on past the month. No field can hold a semicolon, a quote or a line break (digits, dates,
 * the code for a protected identity, a project id of letters, digits and hyphens), so none is quoted; a field that
 * did would be refused rather than written as a broken line.
 */
final class ScbCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    static final List<String> HEADER = List.of("personnummer", "projekt", "startdatum", "slutdatum");
    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";

    private ScbCsv() {
    }

    static byte[] write(ScbMonthlyFile file) {
        StringBuilder text = new StringBuilder();
        line(text, HEADER);
        for (ScbMonthlyFile.Row row : file.rows()) {
            line(text, List.of(row.identity(), file.projectId(), date(row.start()), date(row.end())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code scb-<project>-<YYYY-MM>.csv}: a project id is letters, digits and hyphens, safe in a file name. */
    static String fileName(ScbMonthlyFile file) {
        return "scb-" + file.projectId() + "-" + file.month() + ".csv";
    }

    private static void line(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field.contains(SEPARATOR) || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
                // Never quotes the value: it could be personal data.
                throw new IllegalStateException("Field " + HEADER.get(i) + " would need quoting, which the SCB file does not use");
            }
            text.append(i == 0 ? "" : SEPARATOR).append(field);
        }
        text.append(LINE_END);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
