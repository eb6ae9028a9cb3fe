package cn.tiaojie.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares two manifests as content: key order never matters, nor the order of a list of named items. */
final class GeneratedContent {

    private GeneratedContent() {
    }

    /** The path of the first difference ({@code spec.template.spec.containers[name=x].image}), or null if equal. */
    static String firstDifference(JsonElement built, JsonElement committed, String path) {
        if (built.isJsonObject() && committed.isJsonObject()) {
            JsonObject a = built.getAsJsonObject();
            JsonObject b = committed.getAsJsonObject();
            Set<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                String at = path.isEmpty() ? key : path + "." + key;
                if (!a.has(key) || !b.has(key)) {
                    return at + (a.has(key) ? " (missing in the committed copy)" : " (not in the build's)");
                }
                String d = firstDifference(a.get(key), b.get(key), at);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (built.isJsonArray() && committed.isJsonArray()) {
            List<JsonElement> a = sortedIfNamed(built.getAsJsonArray());
            List<JsonElement> b = sortedIfNamed(committed.getAsJsonArray());
            if (a.size() != b.size()) {
                return path + " (" + b.size() + " items committed, " + a.size() + " built)";
            }
            for (int i = 0; i < a.size(); i++) {
                String name = a.get(i).isJsonObject() ? Json.string(a.get(i).getAsJsonObject(), "name") : null;
                String d = firstDifference(a.get(i), b.get(i), path + "[" + (name != null ? "name=" + name : i) + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return built.equals(committed) ? null : path + " (committed " + committed + ", built " + built + ")";
    }

    private static List<JsonElement> sortedIfNamed(JsonArray array) {
        List<JsonElement> items = new ArrayList<>();
        array.forEach(items::add);
        boolean named = items.stream().allMatch(e -> e.isJsonObject() && Json.string(e.getAsJsonObject(), "name") != null);
        if (named) {
            items.sort(Comparator.comparing(e -> Json.string(e.getAsJsonObject(), "name")));
        }
        return items;
    }
}
