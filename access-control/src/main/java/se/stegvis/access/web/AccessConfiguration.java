package se.stegvis.access.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.stegvis.access.Memberships;

/**
 * Every service as an OAuth2 resource server: each request but health, readiness and what the service names as
 * public needs a bearer JWT from the issuer in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, for an
 * audience in {@code ...jwt.audiences}; that configuration is all a municipality changes to plug in its own issuer.
 *
 * <p>Which action a caller may take is decided in the use cases, on a {@link se.stegvis.access.Caller} that a
 * controller takes as a parameter; the filter chain only insists on a valid token. No session, no cookie: a
 * browser never sends a credential on its own, so no state-changing endpoint can be triggered cross-site (which is
 * why CSRF tokens are not needed here), and no CORS origin is allowed. Actuator endpoints live on the management
 * port, which is not published; the API port has only {@code /livez} and {@code /readyz}.
 */
@Configuration(proxyBeanMethods = false)
@Import(AccessProblems.class)
public class AccessConfiguration implements WebMvcConfigurer {

    private final Memberships memberships;

    public AccessConfiguration(Memberships memberships) {
        this.memberships = memberships;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
            @Value("${stegvis.access.public-paths:}") List<String> publicPaths) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class)).permitAll()
                        .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(publicPaths.stream().filter(path -> !path.isBlank()).toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(memberships));
    }
}
