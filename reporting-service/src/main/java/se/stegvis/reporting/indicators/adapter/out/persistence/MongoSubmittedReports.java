package se.stegvis.reporting.indicators.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

import se.stegvis.reporting.indicators.application.SubmittedReport;
import se.stegvis.reporting.indicators.application.SubmittedReports;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.ReportTable;

/**
 * Submitted reports in {@code reporting_submitted_reports}, one document per project and cut-off: the _id is both, so
 * of two submissions at once the store keeps one and refuses the other (duplicate key). A collection of its own that
 * no rebuild of the read model empties (the rebuild clears the participant and project collections by name). The
 * figures are kept as numbers (a PERCENT actual as its decimal string, exactly), the downloads as the bytes that were
 * sent.
 */
public final class MongoSubmittedReports implements SubmittedReports {

    public static final String COLLECTION = "reporting_submitted_reports";

    private final MongoCollection<Document> documents;

    public MongoSubmittedReports(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    @Override
    public boolean add(SubmittedReport report) {
        return UniqueWrite.unlessTaken(() -> documents.insertOne(document(report)));
    }

    @Override
    public Optional<SubmittedReport> find(String projectId, LocalDate cutOff) {
        return Optional.ofNullable(documents.find(eq("_id", id(projectId, cutOff))).first()).map(MongoSubmittedReports::report);
    }

    @Override
    public List<SubmittedReport> ofProject(String projectId) {
        List<SubmittedReport> all = new ArrayList<>();
        documents.find(eq("projectId", projectId)).sort(Sorts.ascending("cutOff")).forEach(d -> all.add(report(d)));
        return all;
    }

    private static String id(String projectId, LocalDate cutOff) {
        return projectId + "/" + cutOff;
    }

    private static Document document(SubmittedReport report) {
        ReportTable figures = report.figures();
        List<Document> rows = figures.rows().stream().map(row -> {
            Document byGender = new Document();
            row.byGender().forEach((gender, n) -> byGender.append(gender.name(), n));
            return new Document("kind", row.kind().name()).append("code", row.code()).append("label", row.label())
                    .append("total", row.total()).append("byGender", byGender).append("target", row.target())
                    .append("actual", row.actual() == null ? null : row.actual().toPlainString())
                    .append("denominator", row.denominator());
        }).toList();
        return new Document("_id", id(report.projectId(), report.cutOff())).append("projectId", report.projectId())
                .append("cutOff", report.cutOff().toString()).append("submittedAt", Date.from(report.submittedAt()))
                .append("submittedBy", report.submittedBy())
                .append("asOf", figures.asOf() == null ? null : Date.from(figures.asOf())).append("rows", rows)
                .append("csv", new Binary(report.csv())).append("xlsx", new Binary(report.xlsx()));
    }

    private static SubmittedReport report(Document document) {
        List<ReportTable.Row> rows = document.getList("rows", Document.class).stream().map(row -> {
            Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
            row.get("byGender", Document.class).forEach((gender, n) -> byGender.put(Gender.valueOf(gender), ((Number) n).intValue()));
            String actual = row.getString("actual");
            return new ReportTable.Row(ReportTable.Kind.valueOf(row.getString("kind")), row.getString("code"),
                    row.getString("label"), row.getInteger("total"), byGender, row.getInteger("target"),
                    actual == null ? null : new BigDecimal(actual), row.getInteger("denominator"));
        }).toList();
        LocalDate cutOff = LocalDate.parse(document.getString("cutOff"));
        Date asOf = document.getDate("asOf");
        ReportTable figures = new ReportTable(document.getString("projectId"), cutOff, asOf == null ? null : asOf.toInstant(), rows);
        return new SubmittedReport(document.getString("projectId"), cutOff, document.getDate("submittedAt").toInstant(),
                document.getString("submittedBy"), figures, bytes(document, "csv"), bytes(document, "xlsx"));
    }

    private static byte[] bytes(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Binary binary ? binary.getData() : (byte[]) value;
    }
}
