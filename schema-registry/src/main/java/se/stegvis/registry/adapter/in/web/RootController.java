package se.stegvis.registry.adapter.in.web;

import static se.stegvis.registry.adapter.in.web.MediaTypes.DEFAULT_JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.V1_JSON;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.registry.adapter.in.web.Responses.ModeResponse;

/** {@code GET /} and {@code GET /mode}: clients probe these; this registry is always read-write. */
@RestController
public class RootController {

    @GetMapping(path = "/", produces = {V1_JSON, DEFAULT_JSON, JSON})
    public Map<String, Object> root() {
        return Map.of();
    }

    @GetMapping(path = "/mode", produces = {V1_JSON, DEFAULT_JSON, JSON})
    public ModeResponse mode() {
        return new ModeResponse("READWRITE");
    }
}
