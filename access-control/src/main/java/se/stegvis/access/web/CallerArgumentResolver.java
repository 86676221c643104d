package se.stegvis.access.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.Memberships;

/** A controller's {@link Caller} parameter: the validated token's subject and roles, and the subject's memberships. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ROLES_CLAIM = "roles";

    private final Memberships memberships;

    CallerArgumentResolver(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            // The filter chain lets no unauthenticated request reach an endpoint that takes a Caller.
            throw new IllegalStateException("An endpoint that takes a Caller was reached without a validated token");
        }
        return callerOf(token.getToken(), memberships);
    }

    static Caller callerOf(Jwt token, Memberships memberships) {
        String subject = token.getSubject();
        return new Caller(subject, roles(token), memberships.of(subject));
    }

    /** The global roles in the {@code roles} claim (an array of strings); roles Stegvis does not know are left out. */
    static Set<GlobalRole> roles(Jwt token) {
        Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
        Object claim = token.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast)
                    .map(GlobalRole::fromClaim).flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }
}
