package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize this repository
 * uses (the schema in {@link OwnSchemas} refuses any other field): {@code resources} (files, or directories with
 * their own kustomization), {@code patches} by path (strategic merge: mappings merge, lists of named items merge by
 * name, other lists are replaced), {@code images} and {@code namespace}. The checks then run on what a cluster
 * would receive, not on the fragments.
 */
public final class Kustomize {

    private Kustomize() {
    }

    /** The rendered objects of the kustomization in {@code dir}; {@code problems} collects what went wrong. */
    public static List<Manifest> render(Path kustomizationDir, List<String> problems) {
        Path dir = kustomizationDir.toAbsolutePath().normalize();
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(dir + ": no kustomization.yaml");
            return List.of();
        }
        Manifest kustomization = YamlFiles.read(file).getFirst();
        List<String> schemaProblems = OwnSchemas.validateKustomization(kustomization);
        if (!schemaProblems.isEmpty()) {
            problems.addAll(schemaProblems);
            return List.of();
        }
        JsonObject k = kustomization.body();
        List<Manifest> objects = new ArrayList<>();
        for (String resource : Json.strings(k, "resources")) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path, problems));
            } else if (Files.isRegularFile(path)) {
                if (!path.startsWith(dir)) {
                    problems.add(file + ": resource " + resource + " is outside the kustomization's directory "
                            + "(kustomize refuses files above its root; list the directory instead)");
                }
                objects.addAll(YamlFiles.read(path));
            } else {
                problems.add(file + ": resource " + resource + " does not exist");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Manifest m : objects) {
            if (!ids.add(m.kind() + "/" + m.name())) {
                problems.add(file + ": " + m.kind() + "/" + m.name() + " is defined twice (" + m.where() + ")");
            }
        }
        for (JsonObject patchRef : Json.objects(k, "patches")) {
            Path patchFile = dir.resolve(Json.string(patchRef, "path")).normalize();
            if (!Files.isRegularFile(patchFile)) {
                problems.add(file + ": patch " + patchFile + " does not exist");
                continue;
            }
            for (Manifest patch : YamlFiles.read(patchFile)) {
                objects = applyPatch(objects, patch, problems);
            }
        }
        for (JsonObject image : Json.objects(k, "images")) {
            objects = objects.stream().map(m -> retag(m, image)).toList();
        }
        String namespace = Json.string(k, "namespace");
        if (namespace != null) {
            objects = objects.stream().map(m -> m.is("Namespace") ? m : inNamespace(m, namespace)).toList();
        }
        return objects;
    }

    private static List<Manifest> applyPatch(List<Manifest> objects, Manifest patch, List<String> problems) {
        List<Manifest> out = new ArrayList<>();
        int matched = 0;
        for (Manifest m : objects) {
            if (m.kind().equals(patch.kind()) && m.name().equals(patch.name())
                    && m.apiVersion().equals(patch.apiVersion())) {
                matched++;
                JsonObject merged = m.body().deepCopy();
                merge(merged, patch.body(), patch.where(), problems);
                out.add(m.withBody(merged));
            } else {
                out.add(m);
            }
        }
        if (matched == 0) {
            problems.add(patch.where() + ": the patch matches no resource");
        }
        return out;
    }

    /** Strategic merge of {@code patch} into {@code target}, for the patch shapes kustomize users write. */
    static void merge(JsonObject target, JsonObject patch, String where, List<String> problems) {
        for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            if (key.startsWith("$")) {
                problems.add(where + ": patch directive " + key + " is not supported by these checks");
                continue;
            }
            JsonElement current = target.get(key);
            if (value.isJsonNull()) {
                target.remove(key);
            } else if (current != null && current.isJsonObject() && value.isJsonObject()) {
                merge(current.getAsJsonObject(), value.getAsJsonObject(), where, problems);
            } else if (current != null && namedItems(current) && namedItems(value)) {
                for (JsonElement item : value.getAsJsonArray()) {
                    JsonObject patchItem = item.getAsJsonObject();
                    JsonObject existing = null;
                    for (JsonElement t : current.getAsJsonArray()) {
                        if (Json.string(t.getAsJsonObject(), "name").equals(Json.string(patchItem, "name"))) {
                            existing = t.getAsJsonObject();
                        }
                    }
                    if (existing != null) {
                        merge(existing, patchItem, where, problems);
                    } else {
                        current.getAsJsonArray().add(patchItem.deepCopy());
                    }
                }
            } else {
                target.add(key, value.deepCopy());
            }
        }
    }

    private static boolean namedItems(JsonElement e) {
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            return false;
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject() || Json.string(item.getAsJsonObject(), "name") == null) {
                return false;
            }
        }
        return true;
    }

    private static Manifest retag(Manifest m, JsonObject image) {
        if (!m.is("Deployment")) {
            return m;
        }
        JsonObject body = m.body().deepCopy();
        JsonObject podSpec = Json.path(body, "spec", "template", "spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonObject container : Json.objects(podSpec, list)) {
                String ref = Json.string(container, "image");
                if (ref == null) {
                    continue;
                }
                int slash = ref.lastIndexOf('/');
                int colon = ref.lastIndexOf(':');
                String name = colon > slash ? ref.substring(0, colon) : ref;
                String tag = colon > slash ? ref.substring(colon + 1) : null;
                if (name.equals(Json.string(image, "name"))) {
                    String newName = Json.string(image, "newName") != null ? Json.string(image, "newName") : name;
                    String newTag = Json.string(image, "newTag") != null ? Json.string(image, "newTag") : tag;
                    container.add("image", new JsonPrimitive(newTag == null ? newName : newName + ":" + newTag));
                }
            }
        }
        return m.withBody(body);
    }

    private static Manifest inNamespace(Manifest m, String namespace) {
        JsonObject body = m.body().deepCopy();
        JsonObject metadata = body.getAsJsonObject("metadata");
        if (metadata != null) {
            metadata.add("namespace", new JsonPrimitive(namespace));
        }
        return m.withBody(body);
    }
}
