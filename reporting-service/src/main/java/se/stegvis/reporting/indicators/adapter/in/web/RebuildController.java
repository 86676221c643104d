package se.stegvis.reporting.indicators.adapter.in.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.reporting.indicators.application.RebuildProgress;
import se.stegvis.reporting.indicators.application.Replay;

/** Empties the read model and replays every topic from the start; the progress is readable while it runs. */
@RestController
class RebuildController {

    private static final String PATH = "/api/admin/rebuild";

    private final Replay replay;

    RebuildController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping(PATH)
    ResponseEntity<RebuildProgress> rebuild() {
        return ResponseEntity.accepted().location(URI.create(PATH)).body(replay.requestRebuild());
    }

    @GetMapping(PATH)
    RebuildProgress progress() {
        return replay.progress();
    }
}
