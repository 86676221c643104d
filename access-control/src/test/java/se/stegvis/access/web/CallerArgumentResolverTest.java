package se.stegvis.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.ProjectRole;

class CallerArgumentResolverTest {

    @Test
    void the_caller_is_the_tokens_subject_with_its_known_roles_and_the_subjects_memberships() {
        Jwt token = jwt(Map.of("sub", "malmo-owner", "roles", List.of("auditor", "uma_authorization", 7)));

        Caller caller = CallerArgumentResolver.callerOf(token, subject -> Map.of("23-073-S03", ProjectRole.OWNER));

        assertThat(caller.subject()).isEqualTo("malmo-owner");
        assertThat(caller.roles()).containsExactly(GlobalRole.AUDITOR);
        assertThat(caller.isOwnerOf("23-073-S03")).isTrue();
    }

    @Test
    void a_token_without_roles_has_none() {
        Caller caller = CallerArgumentResolver.callerOf(jwt(Map.of("sub", "someone")), subject -> Map.of());

        assertThat(caller.roles()).isEmpty();
        assertThat(CallerArgumentResolver.roles(jwt(Map.of("sub", "x", "roles", "admin")))).as("not an array").isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
