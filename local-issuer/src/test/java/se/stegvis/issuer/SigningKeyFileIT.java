package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.issuer.IssuerHttp.json;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer restarted, as the local stack restarts it: with a key file its tokens stay good, since it signs with the
 * same key under the same key id; without one they die with it.
 */
class SigningKeyFileIT {

    @TempDir
    Path data;

    @Test
    void a_token_still_verifies_against_the_keys_published_after_a_restart_on_the_same_key_file() {
        String keyFile = "--stegvis.issuer.key-file=" + data.resolve("keys").resolve("issuer-key.json");
        String token;
        String jwksBefore;
        try (RunningIssuer issuer = RunningIssuer.start(keyFile)) {
            token = tokenOf(issuer);
            jwksBefore = IssuerHttp.to(issuer.baseUrl()).get("/oauth2/jwks").body();
        }

        try (RunningIssuer restarted = RunningIssuer.start(keyFile)) {
            String jwksAfter = IssuerHttp.to(restarted.baseUrl()).get("/oauth2/jwks").body();

            assertThat(jwksAfter).isEqualTo(jwksBefore).doesNotContain("\"d\"");
            assertThat(SignedTokens.verifiedClaims(token, jwksAfter).getSubject()).isEqualTo("malmo-staff");
        }
    }

    @Test
    void without_a_key_file_a_restart_publishes_another_key_and_the_old_token_verifies_no_more() {
        String token;
        try (RunningIssuer issuer = RunningIssuer.start()) {
            token = tokenOf(issuer);
        }

        try (RunningIssuer restarted = RunningIssuer.start()) {
            String jwks = IssuerHttp.to(restarted.baseUrl()).get("/oauth2/jwks").body();

            assertThatThrownBy(() -> SignedTokens.verifiedClaims(token, jwks)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("in the JWKS");
        }
    }

    private static String tokenOf(RunningIssuer issuer) {
        return json(IssuerHttp.to(issuer.baseUrl()).clientCredentials("malmo-staff", "demo")).path("access_token").asString();
    }
}
