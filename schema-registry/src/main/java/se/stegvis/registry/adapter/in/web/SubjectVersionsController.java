package se.stegvis.registry.adapter.in.web;

import static se.stegvis.registry.adapter.in.web.MediaTypes.DEFAULT_JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.OCTET_STREAM;
import static se.stegvis.registry.adapter.in.web.MediaTypes.V1_JSON;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.registry.adapter.in.web.Responses.RegisterResponse;
import se.stegvis.registry.adapter.in.web.Responses.SchemaResponse;
import se.stegvis.registry.application.RegistryCommands;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.VersionId;

/** {@code /subjects/{subject}/versions}: register, list, fetch and delete versions. */
@RestController
@RequestMapping(path = "/subjects/{subject}/versions", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SubjectVersionsController {

    private final RegistryCommands commands;
    private final Lookup lookup;

    public SubjectVersionsController(RegistryCommands commands, Lookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    @PostMapping(consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    public RegisterResponse register(@PathVariable String subject, @RequestBody(required = false) String body) {
        return new RegisterResponse(commands.register(subject, SchemaRequests.schemaOf(body)).id());
    }

    @GetMapping
    public List<Integer> versions(@PathVariable String subject,
            @RequestParam(defaultValue = "false") boolean deleted) {
        return lookup.versions(subject, deleted);
    }

    @GetMapping("/{version}")
    public SchemaResponse version(@PathVariable String subject, @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean deleted) {
        return SchemaResponse.of(lookup.version(subject, VersionId.parse(version), deleted));
    }

    @GetMapping("/{version}/schema")
    public String rawSchema(@PathVariable String subject, @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean deleted) {
        return lookup.version(subject, VersionId.parse(version), deleted).schema();
    }

    @DeleteMapping("/{version}")
    public int delete(@PathVariable String subject, @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean permanent) {
        return commands.deleteVersion(subject, VersionId.parse(version), permanent);
    }
}
