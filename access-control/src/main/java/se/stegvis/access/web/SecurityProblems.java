package se.stegvis.access.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

import se.stegvis.service.web.ProblemResponses;

/**
 * What the security filters answer before any endpoint, as problem+json like every other refusal: 401 without a
 * valid token (the {@code WWW-Authenticate} header as RFC 6750 gives it, from Spring Security's own entry point),
 * 403 when a URL rule refuses. The body never repeats the token.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerEntryPoint.commence(request, response, refused);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "Sign in first: this needs a valid, unexpired bearer token from the issuer Stegvis trusts, for its audience");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenied.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String detail) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, type, detail, java.util.List.of()).getBody();
        problem.setInstance(URI.create(request.getRequestURI().replace(" ", "%20")));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
