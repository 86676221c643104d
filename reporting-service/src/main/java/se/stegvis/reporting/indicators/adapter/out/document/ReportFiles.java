package se.stegvis.reporting.indicators.adapter.out.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.stegvis.reporting.indicators.application.ReportDocuments;
import se.stegvis.reporting.indicators.domain.ReportTable;

/**
 * The report's downloads, one table in both: a header line, then one row per indicator and per target with its type,
 * code, label, total, the four genders and, for a target, its target, actual and denominator.
 *
 * <p>CSV for Swedish Excel: UTF-8 with a byte-order mark (else Excel reads it as Windows-1252), {@code ;} between
 * fields, a decimal comma, CRLF line ends; a field with {@code ;}, a quote or a line break is quoted, and one that
 * begins as a formula would ({@code = + - @}) gets a leading apostrophe so a spreadsheet shows it as text. XLSX written
 * by Apache POI, figures as numeric cells, an empty cell where a row has no value.
 */
public final class ReportFiles implements ReportDocuments {

    /** The header of both downloads, column by column. */
    public static final List<String> HEADER = header();

    private static final String BOM = "\uFEFF";

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("type", "code", "label"));
        for (ReportTable.Column column : ReportTable.Column.values()) {
            header.add(column.name().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(header);
    }

    @Override
    public byte[] csv(ReportTable table) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADER);
        for (ReportTable.Row row : table.rows()) {
            List<String> fields = new ArrayList<>(List.of(type(row), row.code(), row.label()));
            for (ReportTable.Column column : ReportTable.Column.values()) {
                BigDecimal value = row.value(column);
                fields.add(value == null ? "" : value.toPlainString().replace('.', ','));
            }
            line(csv, fields);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("ESF+ " + table.cutOff());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (ReportTable.Row row : table.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(type(row));
                line.createCell(1).setCellValue(row.code());
                line.createCell(2).setCellValue(row.label());
                int c = 3;
                for (ReportTable.Column column : ReportTable.Column.values()) {
                    Cell cell = line.createCell(c++);
                    BigDecimal value = row.value(column);
                    if (value != null) {
                        cell.setCellValue(value.doubleValue());
                    }
                }
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.setColumnWidth(i, (i == 2 ? 60 : 14) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report's spreadsheet", e);
        }
    }

    private static String type(ReportTable.Row row) {
        return row.kind().name().toLowerCase(Locale.ROOT);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ";").append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    private static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
