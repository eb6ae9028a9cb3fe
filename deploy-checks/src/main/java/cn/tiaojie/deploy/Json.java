package cn.tiaojie.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant navigation of parsed manifests: a missing object reads as empty, a missing string as null. */
final class Json {

    private Json() {
    }

    static JsonObject object(JsonObject parent, String field) {
        JsonElement e = parent == null ? null : parent.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static JsonObject path(JsonObject root, String... fields) {
        JsonObject at = root;
        for (String f : fields) {
            at = object(at, f);
        }
        return at;
    }

    static List<JsonObject> objects(JsonObject parent, String field) {
        JsonElement e = parent == null ? null : parent.get(field);
        List<JsonObject> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonObject()) {
                    out.add(item.getAsJsonObject());
                }
            }
        }
        return out;
    }

    static List<String> strings(JsonObject parent, String field) {
        JsonElement e = parent == null ? null : parent.get(field);
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonPrimitive()) {
                    out.add(item.getAsString());
                }
            }
        }
        return out;
    }

    static String string(JsonObject parent, String field) {
        JsonElement e = parent == null ? null : parent.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static boolean isTrue(JsonObject parent, String field) {
        JsonElement e = parent == null ? null : parent.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    static Map<String, String> stringMap(JsonObject parent, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object(parent, field).entrySet()) {
            out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
        }
        return out;
    }

    /** Converts what SnakeYAML made of a document (maps, lists, scalars) to JSON. */
    static JsonElement fromYaml(Object yaml) {
        if (yaml == null) {
            return JsonNull.INSTANCE;
        }
        if (yaml instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            map.forEach((k, v) -> o.add(String.valueOf(k), fromYaml(v)));
            return o;
        }
        if (yaml instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(v -> a.add(fromYaml(v)));
            return a;
        }
        if (yaml instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (yaml instanceof Number n) {
            return new JsonPrimitive(n);
        }
        return new JsonPrimitive(String.valueOf(yaml));
    }
}
