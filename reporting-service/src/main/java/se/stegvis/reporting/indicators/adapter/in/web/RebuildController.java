package se.stegvis.reporting.indicators.adapter.in.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.RebuildProgress;
import se.stegvis.reporting.indicators.application.RebuildReadModel;

/** Empties the read model and replays every topic from the start; the progress is readable while it runs. */
@RestController
class RebuildController {

    private static final String PATH = "/api/admin/rebuild";

    private final RebuildReadModel rebuild;

    RebuildController(RebuildReadModel rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    ResponseEntity<RebuildProgress> rebuild(Caller caller) {
        return ResponseEntity.accepted().location(URI.create(PATH)).body(rebuild.request(caller));
    }

    @GetMapping(PATH)
    RebuildProgress progress(Caller caller) {
        return rebuild.progress(caller);
    }
}
