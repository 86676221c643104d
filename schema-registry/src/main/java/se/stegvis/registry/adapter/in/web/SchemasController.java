package se.stegvis.registry.adapter.in.web;

import static se.stegvis.registry.adapter.in.web.MediaTypes.DEFAULT_JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.V1_JSON;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.registry.adapter.in.web.Responses.SchemaStringResponse;
import se.stegvis.registry.adapter.in.web.Responses.SubjectVersionResponse;
import se.stegvis.registry.domain.AvroSchema;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.SchemaVersion;

/** {@code /schemas}: schemas by their global id, and the types this registry serves. */
@RestController
@RequestMapping(path = "/schemas", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SchemasController {

    private final Lookup lookup;

    public SchemasController(Lookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/types")
    public List<String> types() {
        return List.of(AvroSchema.TYPE);
    }

    @GetMapping("/ids/{id}")
    public SchemaStringResponse schema(@PathVariable int id) {
        return new SchemaStringResponse(lookup.schema(id));
    }

    @GetMapping("/ids/{id}/schema")
    public String rawSchema(@PathVariable int id) {
        return lookup.schema(id);
    }

    @GetMapping("/ids/{id}/subjects")
    public Set<String> subjects(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
        Set<String> subjects = new LinkedHashSet<>();
        lookup.versionsWithId(id, deleted).forEach(v -> subjects.add(v.subject()));
        return subjects;
    }

    @GetMapping("/ids/{id}/versions")
    public List<SubjectVersionResponse> versions(@PathVariable int id,
            @RequestParam(defaultValue = "false") boolean deleted) {
        List<SchemaVersion> versions = lookup.versionsWithId(id, deleted);
        return versions.stream().map(v -> new SubjectVersionResponse(v.subject(), v.version())).toList();
    }
}
