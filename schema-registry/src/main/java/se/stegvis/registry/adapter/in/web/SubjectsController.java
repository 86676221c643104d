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

import se.stegvis.registry.adapter.in.web.Responses.SchemaResponse;
import se.stegvis.registry.application.RegistryCommands;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.Registry;

/** {@code /subjects}: list subjects, look a schema up under a subject, delete a subject. */
@RestController
@RequestMapping(path = "/subjects", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SubjectsController {

    private final RegistryCommands commands;
    private final Registry registry;
    private final Lookup lookup;

    public SubjectsController(RegistryCommands commands, Registry registry, Lookup lookup) {
        this.commands = commands;
        this.registry = registry;
        this.lookup = lookup;
    }

    @GetMapping
    public List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
        return registry.subjects(deleted);
    }

    @PostMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    public SchemaResponse lookUp(@PathVariable String subject, @RequestBody(required = false) String body,
            @RequestParam(defaultValue = "false") boolean deleted) {
        return SchemaResponse.of(lookup.find(subject, SchemaRequests.schemaOf(body), deleted));
    }

    @DeleteMapping("/{subject}")
    public List<Integer> delete(@PathVariable String subject,
            @RequestParam(defaultValue = "false") boolean permanent) {
        return commands.deleteSubject(subject, permanent);
    }
}
