package cn.tiaojie.deploy;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The environment a rendered Deployment's container receives, as the kubelet builds it: {@code envFrom} in order
 * (ConfigMaps and Secrets, with their prefixes), then {@code env} (values and single keys of ConfigMaps and
 * Secrets) over it. ConfigMaps come from the rendered manifests; Secrets from the templates in k8s/secrets, each
 * {@code <placeholder>} filled in by the caller (a literal value, such as a username, is kept).
 */
public final class PodEnvironment {

    /** Fills in a Secret template's placeholder: (secret name, key) to the value. */
    public interface SecretValues extends BiFunction<String, String, String> {
    }

    private final List<Manifest> rendered;
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();

    public PodEnvironment(Path k8s, String overlay, SecretValues values) {
        List<String> problems = new ArrayList<>();
        this.rendered = Kustomize.render(k8s.resolve(overlay), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(overlay + " does not render: " + problems);
        }
        for (Path file : YamlFiles.under(k8s.resolve("secrets"))) {
            for (Manifest m : YamlFiles.read(file)) {
                Map<String, String> data = new LinkedHashMap<>();
                Json.stringMap(m.body(), "stringData").forEach((key, value) ->
                        data.put(key, value.startsWith("<") && value.endsWith(">") ? values.apply(m.name(), key) : value));
                secrets.put(m.name(), data);
            }
        }
    }

    /** The names of the rendered Deployments. */
    public List<String> deployments() {
        return rendered.stream().filter(m -> m.is("Deployment")).map(Manifest::name).toList();
    }

    /** The environment of the Deployment's first container; a reference to nothing fails, naming it. */
    public Map<String, String> of(String deployment) {
        Manifest d = rendered.stream().filter(m -> m.is("Deployment") && m.name().equals(deployment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Deployment " + deployment));
        JsonObject container = Json.objects(Json.path(d.body(), "spec", "template", "spec"), "containers").getFirst();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonObject from : Json.objects(container, "envFrom")) {
            String prefix = Json.string(from, "prefix") == null ? "" : Json.string(from, "prefix");
            Map<String, String> source = from.has("configMapRef")
                    ? configMap(Json.string(Json.object(from, "configMapRef"), "name"))
                    : secret(Json.string(Json.object(from, "secretRef"), "name"));
            source.forEach((key, value) -> env.put(prefix + key, value));
        }
        for (JsonObject var : Json.objects(container, "env")) {
            String name = Json.string(var, "name");
            if (var.has("value")) {
                env.put(name, Json.string(var, "value"));
                continue;
            }
            JsonObject from = Json.object(var, "valueFrom");
            JsonObject ref = from.has("secretKeyRef") ? Json.object(from, "secretKeyRef") : Json.object(from, "configMapKeyRef");
            Map<String, String> source = from.has("secretKeyRef") ? secret(Json.string(ref, "name")) : configMap(Json.string(ref, "name"));
            String value = source.get(Json.string(ref, "key"));
            if (value == null) {
                throw new IllegalStateException(deployment + ": " + name + " reads key " + Json.string(ref, "key")
                        + " of " + Json.string(ref, "name") + ", which has no such key");
            }
            env.put(name, value);
        }
        return env;
    }

    private Map<String, String> configMap(String name) {
        return rendered.stream().filter(m -> m.is("ConfigMap") && m.name().equals(name)).findFirst()
                .map(m -> Json.stringMap(m.body(), "data"))
                .orElseThrow(() -> new IllegalStateException("no ConfigMap " + name + " in the rendered manifests"));
    }

    private Map<String, String> secret(String name) {
        Map<String, String> data = secrets.get(name);
        if (data == null) {
            throw new IllegalStateException("no template of the Secret " + name + " in k8s/secrets");
        }
        return data;
    }
}
