package se.stegvis.reporting.indicators.adapter.in.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events: the suppressed cross-project view on connect, then again each time it changes. */
@RestController
class IndicatorStreamController {

    private final IndicatorStream stream;

    IndicatorStreamController(IndicatorStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/indicators/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.connect();
    }

    /** A client that went away is the normal end of a stream, not a failure to report; there is no one to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientWentAway() {
        // IndicatorStream has already dropped it.
    }
}
