package se.stegvis.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients of the local issuer: one confidential client per demo identity (client_credentials, so scripts and
 * tests get a token without a browser) and the browser dashboard, a public client that must use PKCE.
 */
public final class DemoClients {

    public static final String DASHBOARD = "stegvis-dashboard";

    private DemoClients() {
    }

    /**
     * Every client; {@code secretHash} encodes the demo password once per client (each with its own salt: the
     * repository refuses two clients with one stored secret).
     */
    public static List<RegisteredClient> all(IssuerProperties properties, Supplier<String> secretHash) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        for (DemoIdentity identity : DemoIdentity.ALL) {
            clients.add(confidential(identity.name(), secretHash.get(), tokens));
        }
        clients.add(dashboard(properties.dashboardRedirectUris(), tokens));
        return List.copyOf(clients);
    }

    static RegisteredClient confidential(String name, String secretHash, TokenSettings tokens) {
        // The client id is the identity's name, so a client_credentials token's sub is the same as the user's.
        return RegisteredClient.withId(name)
                .clientId(name)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .build();
    }

    static RegisteredClient dashboard(List<String> redirectUris, TokenSettings tokens) {
        // The dashboard's JavaScript cannot keep a secret: no secret, the code bound to a PKCE verifier instead; the
        // demo identities consent to nothing, so no consent screen stands between sign-in and the dashboard.
        return RegisteredClient.withId(DASHBOARD)
                .clientId(DASHBOARD)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }
}
