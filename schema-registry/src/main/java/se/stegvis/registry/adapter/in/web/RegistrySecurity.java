package se.stegvis.registry.adapter.in.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.DispatcherType;
import se.stegvis.registry.RegistryAccessProperties;
import se.stegvis.registry.RegistryAccessProperties.Auth;

/**
 * Who may do what, as Confluent's registry does it with {@code authentication.method=BASIC}: consumers read without
 * credentials (every GET, the lookup {@code POST /subjects/{s}} and the compatibility tests, which change nothing);
 * everything else (registering, config and mode changes, deletions, and any method or path not named here) needs
 * HTTP Basic credentials of a configured user. A refusal is Confluent's {@code {"error_code":401,"message":
 * "Unauthorized"}} with {@code WWW-Authenticate: Basic realm="…"}. Credentials that are sent are checked even on an
 * open path, so a client with a wrong password learns it at its first call rather than at its first write.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrySecurity {

    /** Constant-time comparison of digests: see {@link DigestPasswordEncoder}. */
    @Bean
    PasswordEncoder registryPasswordEncoder() {
        return new DigestPasswordEncoder();
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    UserDetailsService registryUsers(RegistryAccessProperties access, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(users(access, encoder));
    }

    @Bean
    SecurityFilterChain registryAccess(HttpSecurity http, RegistryAccessProperties access) throws Exception {
        // A machine API: no cookies or sessions (so no CSRF to guard), no login page, no logout endpoint.
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (access.auth() == Auth.NONE) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        String realm = realm(access);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            ConfluentErrors.write(response, 401, 401, "Unauthorized");
        };
        return http.authorizeHttpRequests(requests -> requests
                        // An error dispatch keeps the method of the request it reports on; it must not become a 401.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/subjects/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/compatibility/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(realm).authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                .build();
    }

    /** What Spring Security's firewall refuses (an encoded line break or null in the path, "//", …): a 400. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> ConfluentErrors.write(response, 400, 400, "HTTP 400 Bad Request");
    }

    /**
     * The users, or why the registry must not start. Messages name the property and the entry's position, never
     * the entry: it holds a password.
     */
    static List<UserDetails> users(RegistryAccessProperties access, PasswordEncoder encoder) {
        if (access.auth() == Auth.NONE) {
            if (!access.users().isEmpty()) {
                throw new IllegalStateException("stegvis.registry.auth=none and stegvis.registry.users are both set:"
                        + " remove one (none leaves every write open, so the users would not be asked for)");
            }
            return List.of();
        }
        if (access.users().isEmpty()) {
            throw new IllegalStateException("No registry users: set stegvis.registry.users=name:password (writes need"
                    + " HTTP Basic credentials), or stegvis.registry.auth=none to let anyone who reaches the port"
                    + " register, reconfigure and delete schemas");
        }
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < access.users().size(); i++) {
            String entry = access.users().get(i);
            int colon = entry == null ? -1 : entry.indexOf(':');
            String where = "stegvis.registry.users entry " + (i + 1) + " (not shown: it holds a password)";
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalStateException(where + " is not name:password");
            }
            String name = entry.substring(0, colon);
            if (name.chars().anyMatch(Character::isISOControl) || !name.strip().equals(name)) {
                throw new IllegalStateException(where + " has a name with spaces around it or control characters");
            }
            if (!names.add(name)) {
                throw new IllegalStateException(where + " names a user that an earlier entry names");
            }
            users.add(User.withUsername(name).password(encoder.encode(entry.substring(colon + 1)))
                    .authorities(List.of()).build());
        }
        return users;
    }

    private static String realm(RegistryAccessProperties access) {
        String realm = access.realm();
        if (realm == null || realm.isBlank() || realm.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c > 0x7e)) {
            throw new IllegalStateException("stegvis.registry.realm must be printable ASCII without quotes or backslashes"
                    + " (it is sent in the WWW-Authenticate header)");
        }
        return realm;
    }
}
