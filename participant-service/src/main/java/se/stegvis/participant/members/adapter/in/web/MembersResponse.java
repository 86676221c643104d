package se.stegvis.participant.members.adapter.in.web;

import java.util.List;
import java.util.Map;

import se.stegvis.access.ProjectRole;

/** A project's members, by subject. */
public record MembersResponse(String projectId, List<Member> members) {

    public record Member(String subject, String role) {
    }

    static MembersResponse of(String projectId, Map<String, ProjectRole> members) {
        return new MembersResponse(projectId, members.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(member -> new Member(member.getKey(), member.getValue().name())).toList());
    }
}
