package se.stegvis.registry.adapter.in.web;

import static se.stegvis.registry.adapter.in.web.MediaTypes.DEFAULT_JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.JSON;
import static se.stegvis.registry.adapter.in.web.MediaTypes.OCTET_STREAM;
import static se.stegvis.registry.adapter.in.web.MediaTypes.V1_JSON;

import java.util.List;
import java.util.function.Function;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.registry.adapter.in.web.Responses.CompatibilityResponse;
import se.stegvis.registry.domain.AvroSchema;
import se.stegvis.registry.domain.CompatibilityTest;
import se.stegvis.registry.domain.RegistryException;
import se.stegvis.registry.domain.SchemaVersion;
import se.stegvis.registry.domain.VersionId;

/**
 * {@code /compatibility}: would this schema be accepted? As in Confluent, a subject without versions is compatible
 * with anything when asked about "latest", and with {@code verbose=true} an invalid schema is an answer, not an error.
 */
@RestController
@RequestMapping(path = "/compatibility/subjects/{subject}/versions", produces = {V1_JSON, DEFAULT_JSON, JSON},
        consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
public class CompatibilityController {

    private final CompatibilityTest test;

    public CompatibilityController(CompatibilityTest test) {
        this.test = test;
    }

    @PostMapping("/{version}")
    public CompatibilityResponse againstVersion(@PathVariable String subject, @PathVariable String version,
            @RequestBody(required = false) String body, @RequestParam(defaultValue = "false") boolean verbose) {
        List<SchemaVersion> earlier = test.versionToTest(subject, VersionId.parse(version));
        return answer(body, verbose, schema -> test.problems(subject, schema, earlier));
    }

    @PostMapping
    public CompatibilityResponse againstSubject(@PathVariable String subject,
            @RequestBody(required = false) String body, @RequestParam(defaultValue = "false") boolean verbose) {
        List<SchemaVersion> earlier = test.versionsToTest(subject);
        return answer(body, verbose, schema -> test.problems(subject, schema, earlier));
    }

    private static CompatibilityResponse answer(String body, boolean verbose,
            Function<AvroSchema, List<String>> check) {
        List<String> problems;
        try {
            problems = check.apply(SchemaRequests.schemaOf(body));
        } catch (RegistryException e) {
            if (!verbose || e.reason() != RegistryException.Reason.INVALID_SCHEMA) {
                throw e;
            }
            problems = List.of(e.getMessage());
        }
        return new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null);
    }
}
