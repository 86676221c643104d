package se.stegvis.localstack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One malformed or hostile request of the bad-input sweep and what its answer must be: a 4xx (this status where one is
 * given), problem+json, and where a field is at fault its pointer in {@code field} and {@code errors}.
 */
record Probe(String label, String method, String url, String contentType, byte[] body, Map<String, String> headers,
             Integer status, String pointer) {

    static final String JSON = "application/json";

    static Probe json(String label, String method, String url, String body) {
        return new Probe(label, method, url, JSON, body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of(), null, null);
    }

    static Probe get(String label, String url) {
        return new Probe(label, "GET", url, null, null, Map.of(), null, null);
    }

    Probe expect(int expectedStatus) {
        return new Probe(label, method, url, contentType, body, headers, expectedStatus, pointer);
    }

    /** A 400 naming this field (a JSON pointer, or a header or parameter name). */
    Probe at(String expectedPointer) {
        return new Probe(label, method, url, contentType, body, headers, 400, expectedPointer);
    }

    Probe atWith(int expectedStatus, String expectedPointer) {
        return new Probe(label, method, url, contentType, body, headers, expectedStatus, expectedPointer);
    }

    Probe contentType(String type) {
        return new Probe(label, method, url, type, body, headers, status, pointer);
    }

    Probe header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Probe(label, method, url, contentType, body, Map.copyOf(more), status, pointer);
    }

    Probe method(String other) {
        return new Probe(label, other, url, contentType, body, headers, status, pointer);
    }

    ServiceCalls.Reply send(ServiceCalls http) {
        return http.send(method, url, contentType, body, headers);
    }

    /** The request as a failure message shows it: method, URL, label and the start of the body. */
    String describe() {
        String shownUrl = url.length() > 160 ? url.substring(0, 160) + "…(" + url.length() + " chars)" : url;
        String shownBody = body == null ? "no body" : body.length > 160
                ? new String(body, 0, 160, StandardCharsets.UTF_8) + "…(" + body.length + " bytes)" : new String(body, StandardCharsets.UTF_8);
        return method + " " + shownUrl + " [" + label + "] " + (contentType == null ? "" : contentType + " ") + shownBody;
    }
}
