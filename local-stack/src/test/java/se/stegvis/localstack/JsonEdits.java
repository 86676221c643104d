package se.stegvis.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A valid JSON body with one thing changed: a field set (to any value, or to raw JSON text) or left out. */
final class JsonEdits {

    /** JSON text put in as it is, e.g. {@code NaN} or a number too large for any type. */
    record Raw(String json) {
    }

    private static final String RAW = "\u0001raw\u0001";

    private JsonEdits() {
    }

    /** @param pointer e.g. {@code /person/givenName} or {@code /targets/0/target}; a new field is added */
    static String with(Map<String, Object> body, String pointer, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] path = pointer.substring(1).split("/");
        Object parent = navigate(copy, path);
        String last = path[path.length - 1];
        Object stored = value instanceof Raw ? RAW : value;
        if (parent instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> elements = (List<Object>) list;
            elements.set(Integer.parseInt(last), stored);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) parent;
            fields.put(last, stored);
        }
        String json = WholeSystemScenario.json(copy);
        return value instanceof Raw raw ? json.replace("\"" + RAW + "\"", raw.json()) : json;
    }

    static String without(Map<String, Object> body, String pointer) {
        Map<String, Object> copy = deepCopy(body);
        String[] path = pointer.substring(1).split("/");
        ((Map<?, ?>) navigate(copy, path)).remove(path[path.length - 1]);
        return WholeSystemScenario.json(copy);
    }

    private static Object navigate(Map<String, Object> root, String[] path) {
        Object at = root;
        for (int i = 0; i < path.length - 1; i++) {
            at = at instanceof List<?> list ? list.get(Integer.parseInt(path[i])) : ((Map<?, ?>) at).get(path[i]);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, deepCopy(element)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(deepCopy(element)));
            return (T) copy;
        }
        return value;
    }
}
