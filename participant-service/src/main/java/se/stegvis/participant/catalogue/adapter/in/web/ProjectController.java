package se.stegvis.participant.catalogue.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.participant.catalogue.application.DefineProject;
import se.stegvis.participant.catalogue.application.ReadCatalogue;

/** The project catalogue: anyone signed in reads it; integrators add and change projects here, with no code change. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private final DefineProject defineProject;
    private final ReadCatalogue readCatalogue;

    public ProjectController(DefineProject defineProject, ReadCatalogue readCatalogue) {
        this.defineProject = defineProject;
        this.readCatalogue = readCatalogue;
    }

    @GetMapping
    public List<ProjectResponse> all() {
        return readCatalogue.all().stream().map(ProjectResponse::of).toList();
    }

    @GetMapping("/{projectId}")
    public ProjectResponse one(@PathVariable String projectId) {
        return ProjectResponse.of(readCatalogue.project(projectId));
    }

    /** 201 for a new project, 200 for a change; either way the full state is published. */
    @PutMapping("/{projectId}")
    public ResponseEntity<ProjectResponse> define(Caller caller, @PathVariable String projectId, @RequestBody ProjectRequest request) {
        boolean created = defineProject.define(caller, () -> request.toProject(projectId));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ProjectResponse.of(readCatalogue.project(projectId)));
    }
}
