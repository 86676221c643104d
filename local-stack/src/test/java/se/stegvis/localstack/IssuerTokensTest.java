package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IssuerTokensTest {

    private final AtomicInteger issued = new AtomicInteger();
    private final HttpServer issuer = server();
    private Instant now = Instant.parse("2026-11-01T10:00:00Z");
    private final IssuerTokens tokens = new IssuerTokens("http://127.0.0.1:" + issuer.getAddress().getPort(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    @Test
    void a_token_is_kept_until_a_minute_before_it_expires_then_fetched_again() {
        String first = tokens.token("malmo-staff");
        now = now.plus(Duration.ofMinutes(13)).plusSeconds(58); // expires_in 899 s: kept until 839 s
        assertThat(tokens.token("malmo-staff")).isEqualTo(first);
        assertThat(tokens.token("admin")).as("another identity, another token").isNotEqualTo(first);

        now = now.plusSeconds(1);

        assertThat(tokens.bearer("malmo-staff")).isNotEqualTo("Bearer " + first).startsWith("Bearer token-");
        assertThat(issued).hasValue(3);
    }

    @Test
    void a_refused_identity_is_named() {
        assertThatThrownBy(() -> tokens.token("nobody")).hasMessage("The issuer refused a token for nobody: 401");
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/token", exchange -> {
                String basic = exchange.getRequestHeaders().getFirst("Authorization");
                boolean known = basic != null && !basic.equals("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("nobody:demo".getBytes(StandardCharsets.UTF_8)));
                byte[] body = (known ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":899}" : "{\"error\":\"invalid_client\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(known ? 200 : 401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
