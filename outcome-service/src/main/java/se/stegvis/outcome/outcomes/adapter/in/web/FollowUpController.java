package se.stegvis.outcome.outcomes.adapter.in.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.application.ListFollowUpsDue;
import se.stegvis.service.command.RequestFields;
import se.stegvis.service.command.Violation;

/** The follow-ups falling due: whom to contact, by when. */
@RestController
public class FollowUpController {

    private final ListFollowUpsDue listFollowUpsDue;

    public FollowUpController(ListFollowUpsDue listFollowUpsDue) {
        this.listFollowUpsDue = listFollowUpsDue;
    }

    /** Both parameters are checked here, so a request missing one and with the other malformed hears of both. */
    @GetMapping("/api/follow-ups/due")
    public List<FollowUpDueResponse> due(Caller caller, @RequestParam(required = false) String projectId,
            @RequestParam(required = false) String before) {
        RequestFields fields = new RequestFields();
        fields.required("projectId", projectId);
        LocalDate day = fields.required("before", before) == null ? null : date(fields, before);
        fields.throwIfAny();
        return listFollowUpsDue.dueBefore(caller, projectId, day).stream().map(FollowUpDueResponse::of).toList();
    }

    private static LocalDate date(RequestFields fields, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fields.add(new Violation("before", "must be a date, YYYY-MM-DD"));
            return null;
        }
    }
}
