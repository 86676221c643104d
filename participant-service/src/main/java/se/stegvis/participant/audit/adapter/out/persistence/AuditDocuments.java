package se.stegvis.participant.audit.adapter.out.persistence;

import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.model.Updates;

import se.stegvis.outbox.PendingMark;

import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditEntry.MonthlyFile;

/**
 * An audit entry as MongoDB keeps it, in the trail and while it waits in a participant's document for the relay:
 * its own {@code _id}, given once, so that moving it to the trail twice stores it once.
 */
public final class AuditDocuments {

    /** The field of a participant's document where the entries of the changes written to it wait for the relay. */
    public static final String PENDING = "auditPending";
    /** Marks the participants with entries waiting, so the relay finds them from an index ({@link PendingMark}). */
    static final PendingMark MARK = new PendingMark("auditMark");

    private AuditDocuments() {
    }

    /** The update that adds the entry to those waiting in a participant's document, and marks it; in the change's write. */
    public static Bson append(AuditEntry entry) {
        return Updates.combine(Updates.push(PENDING, of(entry)), MARK.set());
    }

    /** A new participant's document with the entry waiting in it, marked. */
    public static Document withPending(Document participant, AuditEntry entry) {
        participant.append(PENDING, List.of(of(entry)));
        return MARK.setOn(participant);
    }

    public static Document of(AuditEntry entry) {
        Document document = new Document("_id", new ObjectId()).append("at", Date.from(entry.at())).append("subject", entry.subject())
                .append("action", entry.action().name()).append("projectId", entry.projectId())
                .append("participantIds", entry.participantIds().stream().map(UUID::toString).toList());
        if (entry.file() != null) {
            document.append("file", new Document("month", entry.file().month().toString()).append("rows", entry.file().rows()));
        }
        return document;
    }

    static AuditEntry entry(Document document) {
        Document file = document.get("file", Document.class);
        return new AuditEntry(document.getDate("at").toInstant(), document.getString("subject"),
                AuditAction.valueOf(document.getString("action")), document.getString("projectId"),
                document.getList("participantIds", String.class, List.of()).stream().map(UUID::fromString).toList(),
                file == null ? null : new MonthlyFile(YearMonth.parse(file.getString("month")), file.getInteger("rows")));
    }
}
