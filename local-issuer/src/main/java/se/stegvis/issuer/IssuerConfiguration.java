package se.stegvis.issuer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What the issuer knows, spelled out: its URL, its signing key, the demo users and clients, the claims it adds, and
 * which origins may call it from a browser. Everything lives in memory and is made again at each start, but for the
 * signing key when a key file is given.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
public class IssuerConfiguration {

    /** The endpoints the dashboard's JavaScript calls itself: discovery, the keys and the code exchange. */
    static final List<String> BROWSER_ENDPOINTS = List.of(
            "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/oauth2/jwks",
            "/oauth2/token");

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        // Set, not taken from the request: a token's iss must equal the issuer-uri the services are configured with,
        // whatever host name the caller used to reach this issuer.
        return AuthorizationServerSettings.builder().issuer(properties.url()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerProperties properties) throws IOException {
        Optional<Path> file = properties.signingKeyFile();
        return file.isPresent() ? SigningKey.keptIn(file.get()) : SigningKey.generated();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        // For the userinfo endpoint, which reads the caller's access token.
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IssuerProperties properties, PasswordEncoder encoder) {
        return new InMemoryRegisteredClientRepository(DemoClients.all(properties, () -> encoder.encode(DemoIdentity.PASSWORD)));
    }

    @Bean
    UserDetailsService userDetailsService(PasswordEncoder encoder) {
        // The password is published, but the stores hold it hashed all the same, as a real store would.
        List<UserDetails> users = DemoIdentity.ALL.stream()
                .map(identity -> User.withUsername(identity.name()).password(encoder.encode(DemoIdentity.PASSWORD))
                        .roles(identity.roles().toArray(String[]::new)).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(IssuerProperties properties) {
        return new AccessTokenClaims(properties.audience(), DemoIdentity::rolesOf);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(IssuerProperties properties) {
        CorsConfiguration browser = new CorsConfiguration();
        browser.setAllowedOrigins(properties.allowedOrigins());
        browser.setAllowedMethods(List.of("GET", "POST"));
        browser.setAllowedHeaders(List.of("Content-Type", "Authorization"));
        // No cookies cross origins: the code exchange carries the code and the verifier, nothing else.
        browser.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        BROWSER_ENDPOINTS.forEach(path -> source.registerCorsConfiguration(path, browser));
        return source;
    }
}
