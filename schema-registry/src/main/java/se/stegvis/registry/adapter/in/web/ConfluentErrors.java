package se.stegvis.registry.adapter.in.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletResponse;

import se.stegvis.registry.adapter.in.web.Responses.ErrorResponse;
import se.stegvis.registry.application.SchemaLogException;
import se.stegvis.registry.domain.RegistryException;
import se.stegvis.registry.domain.RegistryException.Reason;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure as Confluent answers it: {@code {"error_code", "message"}} with Confluent's codes and statuses, and
 * for what the framework refuses, the answers of Confluent's rest-utils (Jersey): "HTTP 404 Not Found" and so on.
 */
@RestControllerAdvice
public class ConfluentErrors {

    private static final Logger log = LoggerFactory.getLogger(ConfluentErrors.class);
    private static final MediaType V1_JSON = MediaType.parseMediaType(MediaTypes.V1_JSON);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<Reason, Integer> CODES = Map.ofEntries(
            Map.entry(Reason.SUBJECT_NOT_FOUND, 40401), Map.entry(Reason.VERSION_NOT_FOUND, 40402),
            Map.entry(Reason.SCHEMA_NOT_FOUND, 40403), Map.entry(Reason.SUBJECT_SOFT_DELETED, 40404),
            Map.entry(Reason.SUBJECT_NOT_SOFT_DELETED, 40405), Map.entry(Reason.VERSION_SOFT_DELETED, 40406),
            Map.entry(Reason.VERSION_NOT_SOFT_DELETED, 40407),
            Map.entry(Reason.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, 40408),
            Map.entry(Reason.INCOMPATIBLE_SCHEMA, 409), Map.entry(Reason.INVALID_SCHEMA, 42201),
            Map.entry(Reason.INVALID_VERSION, 42202), Map.entry(Reason.INVALID_COMPATIBILITY_LEVEL, 42203),
            Map.entry(Reason.INVALID_SUBJECT, 42208));

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ErrorResponse> refused(RegistryException e) {
        int code = CODES.get(e.reason());
        return error(code < 1000 ? code : code / 100, code, e.getMessage());
    }

    @ExceptionHandler(Requests.BadRequestBody.class)
    ResponseEntity<ErrorResponse> badBody(Requests.BadRequestBody e) {
        return error(e.status(), e.status(), e.getMessage());
    }

    @ExceptionHandler(SchemaLogException.class)
    ResponseEntity<ErrorResponse> storeFailed(SchemaLogException e) {
        log.error("Writing to the registry log failed", e);
        return error(500, e.timedOut() ? 50002 : 50001, e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ErrorResponse> notFound(Exception e) {
        return error(404, 404, "HTTP 404 Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(Exception e) {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(Exception e) {
        return error(415, 415, "HTTP 415 Unsupported Media Type");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponse> notAcceptable(Exception e) {
        return error(406, 406, "HTTP 406 Not Acceptable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e) {
        log.error("Unhandled exception resulting in internal server error response", e);
        return error(500, 500, "Internal Server Error");
    }

    /**
     * The same answer from a servlet filter (authentication, the body limit), which runs before any controller and so
     * before this advice could answer.
     */
    static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaTypes.V1_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(new ErrorResponse(code, message)));
    }

    private static ResponseEntity<ErrorResponse> error(int status, int code, String message) {
        return ResponseEntity.status(status).contentType(V1_JSON).body(new ErrorResponse(code, message));
    }
}
