package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Kubernetes object: a YAML document of a file under k8s/, as JSON. */
public record Manifest(Path file, int document, JsonObject body) {

    public String apiVersion() {
        return Json.string(body, "apiVersion");
    }

    public String kind() {
        return Json.string(body, "kind");
    }

    public String name() {
        return Json.string(Json.object(body, "metadata"), "name");
    }

    /** Where a problem was found, for messages: {@code base/network-policies.yaml#3 NetworkPolicy/case-service}. */
    public String where() {
        return file + "#" + document + " " + kind() + "/" + name();
    }

    public boolean is(String kind) {
        return kind.equals(kind());
    }

    public Map<String, String> labels(String... path) {
        JsonObject at = body;
        for (String step : path) {
            at = Json.object(at, step);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : Json.object(at, "labels").entrySet()) {
            labels.put(e.getKey(), e.getValue().getAsString());
        }
        return labels;
    }

    public Manifest withBody(JsonObject newBody) {
        return new Manifest(file, document, newBody);
    }
}
