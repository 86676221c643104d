package se.stegvis.participant.audit.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;

/** An entry reads back as it was written, a monthly file's month and rows with it; other entries carry no file. */
class AuditDocumentsTest {

    private static final Instant AT = Instant.parse("2025-04-02T09:30:00Z");

    @Test
    void a_monthly_files_entry_keeps_its_month_and_rows() {
        AuditEntry entry = new AuditEntry(AT, "staff-1", AuditAction.SCB_FILE, "23-073-S03", List.of(UUID.randomUUID(), UUID.randomUUID()),
                new AuditEntry.MonthlyFile(YearMonth.of(2025, 3), 2));

        Document document = AuditDocuments.of(entry);

        assertThat(document.get("file", Document.class)).isEqualTo(new Document("month", "2025-03").append("rows", 2));
        assertThat(AuditDocuments.entry(Document.parse(document.toJson()))).isEqualTo(entry);
    }

    @Test
    void any_other_entry_has_no_file() {
        AuditEntry entry = AuditEntry.of(AT, "staff-1", AuditAction.READ, "23-073-S03", UUID.randomUUID());

        Document document = AuditDocuments.of(entry);

        assertThat(document).doesNotContainKey("file");
        assertThat(AuditDocuments.entry(Document.parse(document.toJson()))).isEqualTo(entry);
    }

    @Test
    void a_files_rows_are_its_participants() {
        assertThatThrownBy(() -> new AuditEntry(AT, "staff-1", AuditAction.SCB_FILE, "23-073-S03", List.of(UUID.randomUUID()),
                new AuditEntry.MonthlyFile(YearMonth.of(2025, 3), 2))).isInstanceOf(IllegalArgumentException.class);
    }
}
