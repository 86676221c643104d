package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

class AccessTokenClaimsTest {

    private final AccessTokenClaims claims = new AccessTokenClaims("stegvis", DemoIdentity::rolesOf);

    @Test
    void an_access_token_gets_the_stegvis_audience_beside_the_client_and_the_identitys_roles() {
        JwtEncodingContext context = context("admin", OAuth2TokenType.ACCESS_TOKEN);

        claims.customize(context);

        Map<String, Object> issued = context.getClaims().build().getClaims();
        assertThat(issued.get("aud")).isEqualTo(List.of("admin", "stegvis"));
        assertThat(issued.get("roles")).isEqualTo(List.of("admin"));
    }

    @Test
    void an_identity_without_a_global_role_gets_an_empty_roles_array() {
        JwtEncodingContext context = context("malmo-staff", OAuth2TokenType.ACCESS_TOKEN);

        claims.customize(context);

        assertThat(context.getClaims().build().getClaims().get("roles")).isEqualTo(List.of());
    }

    @Test
    void an_id_token_is_left_as_it_was() {
        JwtEncodingContext context = context("admin", new OAuth2TokenType("id_token"));

        claims.customize(context);

        Map<String, Object> issued = context.getClaims().build().getClaims();
        assertThat(issued.get("aud")).isEqualTo(List.of("admin"));
        assertThat(issued).doesNotContainKey("roles");
    }

    private static JwtEncodingContext context(String subject, OAuth2TokenType type) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).audience(List.of(subject));
        return JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(DemoClients.confidential(subject, "{noop}x", TokenSettings.builder().build()))
                .principal(new TestingAuthenticationToken(subject, null))
                .tokenType(type)
                .build();
    }
}
