package se.stegvis.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The local stack's OpenID Connect issuer: Spring Authorization Server with the invented demo identities. For the
 * local stack only; deployments sign in through the municipality's own issuer (decision 0007).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IssuerConfiguration.class, IssuerSecurity.class})
public class LocalIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuerApplication.class, args);
    }
}
