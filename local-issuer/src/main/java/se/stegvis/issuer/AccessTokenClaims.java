package se.stegvis.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What every Stegvis service reads from an access token besides {@code sub} and {@code iss}: the audience it checks
 * and a {@code roles} array (empty when the identity has no global role), the same claims a municipality's issuer
 * is asked to issue (decision 0007). ID tokens are left as the OpenID Connect client expects them.
 */
public final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final String audience;
    private final Function<String, List<String>> rolesByName;

    public AccessTokenClaims(String audience, Function<String, List<String>> rolesByName) {
        this.audience = audience;
        this.rolesByName = rolesByName;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        // The subject is the signed-in user's name, or the client id for client_credentials: the same identity.
        String subject = context.getPrincipal().getName();
        context.getClaims().claims(claims -> {
            List<String> audiences = new ArrayList<>();
            if (claims.get("aud") instanceof Iterable<?> existing) {
                existing.forEach(value -> audiences.add(String.valueOf(value)));
            }
            if (!audiences.contains(audience)) {
                audiences.add(audience);
            }
            claims.put("aud", List.copyOf(audiences));
            claims.put("roles", List.copyOf(rolesByName.apply(subject)));
        });
    }
}
