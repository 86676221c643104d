package se.stegvis.registry.adapter.in.web;

import static se.stegvis.registry.adapter.in.web.MediaTypes.DEFAULT_JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.OCTET_STREAM;
import static se.stegvis.registry.adapter.in.web.MediaTypes.V1_JSON;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.registry.adapter.in.web.Requests.ConfigRequest;
import se.stegvis.registry.adapter.in.web.Responses.ConfigResponse;
import se.stegvis.registry.adapter.in.web.Responses.ConfigUpdateResponse;
import se.stegvis.registry.application.RegistryCommands;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.Registry;

/** {@code /config}: the global compatibility level and each subject's own. */
@RestController
@RequestMapping(path = "/config", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class ConfigController {

    private final RegistryCommands commands;
    private final Registry registry;
    private final Lookup lookup;

    public ConfigController(RegistryCommands commands, Registry registry, Lookup lookup) {
        this.commands = commands;
        this.registry = registry;
        this.lookup = lookup;
    }

    @GetMapping
    public ConfigResponse global() {
        return new ConfigResponse(registry.globalLevel().name());
    }

    @PutMapping(consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    public ConfigUpdateResponse setGlobal(@RequestBody(required = false) String body) {
        String level = Requests.read(body, ConfigRequest.class).compatibility();
        return new ConfigUpdateResponse(commands.setCompatibility(null, level));
    }

    @DeleteMapping
    public ConfigResponse clearGlobal() {
        return new ConfigResponse(commands.clearCompatibility(null));
    }

    @GetMapping("/{subject}")
    public ConfigResponse subject(@PathVariable String subject,
            @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return new ConfigResponse(lookup.subjectLevel(subject, defaultToGlobal).name());
    }

    @PutMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
    public ConfigUpdateResponse setSubject(@PathVariable String subject, @RequestBody(required = false) String body) {
        String level = Requests.read(body, ConfigRequest.class).compatibility();
        return new ConfigUpdateResponse(commands.setCompatibility(subject, level));
    }

    @DeleteMapping("/{subject}")
    public ConfigResponse clearSubject(@PathVariable String subject) {
        return new ConfigResponse(commands.clearCompatibility(subject));
    }
}
