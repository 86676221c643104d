package se.stegvis.participant.participants.adapter.in.web;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.participant.participants.application.ScbParticipantFile;
import se.stegvis.participant.participants.domain.ScbMonthlyFile;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;
import se.stegvis.service.command.Violation;
import se.stegvis.service.web.ProblemResponses;

/**
 * {@code GET /api/projects/{projectId}/scb/participants?month=YYYY-MM}: the monthly participant file for Statistics
 * Sweden as a CSV download (docs/scb-file.md). Who may is decided in the use case.
 */
@RestController
public class ScbFileController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final ScbParticipantFile scbParticipantFile;

    public ScbFileController(ScbParticipantFile scbParticipantFile) {
        this.scbParticipantFile = scbParticipantFile;
    }

    @GetMapping("/api/projects/{projectId}/scb/participants")
    public ResponseEntity<byte[]> participants(Caller caller, @PathVariable String projectId,
            @RequestParam(required = false) String month) {
        ScbMonthlyFile file = scbParticipantFile.of(caller, projectId, month(month));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ScbCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(ScbCsv.fileName(file)).build().toString())
                .body(ScbCsv.write(file));
    }

    /** YYYY-MM, a real month; the message never repeats what was sent. */
    static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            throw new InvalidCommand("month", "is required");
        }
        if (MONTH.matcher(month).matches()) {
            try {
                return YearMonth.parse(month);
            } catch (DateTimeException notAMonth) {
                // falls through to the refusal below
            }
        }
        throw new InvalidCommand("month", "must be a month as YYYY-MM");
    }

    /** Only the catalogue says NotFound here: the project in the path is not one, so the problem names that field. */
    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> unknownProject(NotFound e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "No " + e.kind() + " with id " + e.id(),
                List.of(new Violation("projectId", "is not a project in the catalogue")));
    }
}
