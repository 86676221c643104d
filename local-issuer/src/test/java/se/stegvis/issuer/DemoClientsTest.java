package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class DemoClientsTest {

    private final IssuerProperties properties = new IssuerProperties("http://localhost:8094", "stegvis",
            Duration.ofMinutes(7), List.of("http://localhost:18090/"), List.of("http://localhost:18090"), null);
    private final AtomicInteger hashes = new AtomicInteger();
    private final List<RegisteredClient> clients = DemoClients.all(properties, () -> "{noop}hash-" + hashes.incrementAndGet());

    @Test
    void every_identity_is_a_confidential_client_of_its_own_name_for_client_credentials_only() {
        assertThat(clients).hasSize(DemoIdentity.ALL.size() + 1);
        for (DemoIdentity identity : DemoIdentity.ALL) {
            RegisteredClient client = client(identity.name());
            assertThat(client.getClientSecret()).startsWith("{noop}hash-");
            assertThat(client.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
            assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
            assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(7));
        }
        assertThat(clients).extracting(RegisteredClient::getClientSecret).doesNotHaveDuplicates();
    }

    @Test
    void the_dashboard_is_public_must_use_pkce_and_asks_no_consent() {
        RegisteredClient dashboard = client(DemoClients.DASHBOARD);

        assertThat(dashboard.getClientSecret()).isNull();
        assertThat(dashboard.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
        assertThat(dashboard.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(dashboard.getRedirectUris()).containsExactly("http://localhost:18090/");
        assertThat(dashboard.getScopes()).containsExactly("openid");
        assertThat(dashboard.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(dashboard.getClientSettings().isRequireAuthorizationConsent()).isFalse();
    }

    private RegisteredClient client(String clientId) {
        return clients.stream().filter(client -> client.getClientId().equals(clientId)).findFirst().orElseThrow();
    }
}
