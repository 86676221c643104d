package se.stegvis.participant.members.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.participant.members.application.ManageMembers;
import se.stegvis.service.command.RequestFields;

/** Who works on a project: for an {@code admin} and the project's OWNERs. */
@RestController
@RequestMapping("/api/projects/{projectId}/members")
public class MemberController {

    private final ManageMembers manageMembers;

    public MemberController(ManageMembers manageMembers) {
        this.manageMembers = manageMembers;
    }

    @GetMapping
    public MembersResponse members(Caller caller, @PathVariable String projectId) {
        return MembersResponse.of(projectId, manageMembers.list(caller, projectId));
    }

    /** 201 when the subject becomes a member, 200 when its role is set again or changed. */
    @PutMapping("/{subject}")
    public ResponseEntity<MembersResponse.Member> put(Caller caller, @PathVariable String projectId,
            @PathVariable String subject, @RequestBody MemberRequest request) {
        RequestFields fields = new RequestFields();
        ProjectRole role = fields.required("/role", request.role()) == null ? null
                : fields.symbol("/role", ProjectRole.class, request.role());
        fields.throwIfAny();
        boolean added = manageMembers.put(caller, projectId, subject, role);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(new MembersResponse.Member(subject, role.name()));
    }

    @DeleteMapping("/{subject}")
    public ResponseEntity<Void> remove(Caller caller, @PathVariable String projectId, @PathVariable String subject) {
        manageMembers.remove(caller, projectId, subject);
        return ResponseEntity.noContent().build();
    }
}
