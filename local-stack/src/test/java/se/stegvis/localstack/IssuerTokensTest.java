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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IssuerTokensTest {

    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger asked = new AtomicInteger();
    /** When set, the issuer answers only once it is counted down. */
    private volatile CountDownLatch answer;
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
    void callers_at_once_share_one_fetch() throws Exception {
        answer = new CountDownLatch(1);
        int callers = 32;
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(() -> got.add(tokens.token("malmo-staff")));
            caller.start();
            threads.add(caller);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asked.get() >= 1 && threads.stream()
                .allMatch(thread -> thread.getState() != Thread.State.RUNNABLE && thread.getState() != Thread.State.NEW));
        answer.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }

        assertThat(got).hasSize(callers).containsOnly("token-1");
        assertThat(issued).as("tokens the issuer gave").hasValue(1);
    }

    @Test
    void a_refused_identity_is_named() {
        assertThatThrownBy(() -> tokens.token("nobody")).hasMessage("The issuer refused a token for nobody: 401");
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/token", exchange -> {
                asked.incrementAndGet();
                CountDownLatch gate = answer;
                if (gate != null) {
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
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
