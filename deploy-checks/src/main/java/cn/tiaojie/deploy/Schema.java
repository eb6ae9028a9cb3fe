package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small strict schema for the kinds client-java has no model of: unknown and missing required fields fail. */
interface Schema {

    void check(JsonElement value, String path, List<String> problems);

    static Schema string() {
        return (v, path, problems) -> {
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                problems.add(path + ": expected a string, got " + v);
            }
        };
    }

    static Schema oneOf(String... allowed) {
        Set<String> values = Set.of(allowed);
        return (v, path, problems) -> {
            if (!v.isJsonPrimitive() || !values.contains(v.getAsString())) {
                problems.add(path + ": expected one of " + values + ", got " + v);
            }
        };
    }

    static Schema integer(int min) {
        return (v, path, problems) -> {
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()
                    || v.getAsDouble() != Math.rint(v.getAsDouble()) || v.getAsInt() < min) {
                problems.add(path + ": expected an integer >= " + min + ", got " + v);
            }
        };
    }

    static Schema bool() {
        return (v, path, problems) -> {
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                problems.add(path + ": expected true or false, got " + v);
            }
        };
    }

    /** A Kubernetes quantity such as 20Gi or 500m. */
    static Schema quantity() {
        return (v, path, problems) -> {
            if (!v.isJsonPrimitive() || !v.getAsString().matches("[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?")) {
                problems.add(path + ": expected a quantity such as 20Gi, got " + v);
            }
        };
    }

    static Schema mapOf(Schema values) {
        return (v, path, problems) -> {
            if (!v.isJsonObject()) {
                problems.add(path + ": expected a mapping, got " + v);
                return;
            }
            v.getAsJsonObject().entrySet().forEach(e -> values.check(e.getValue(), path + "." + e.getKey(), problems));
        };
    }

    static Schema listOf(Schema items) {
        return (v, path, problems) -> {
            if (!v.isJsonArray()) {
                problems.add(path + ": expected a list, got " + v);
                return;
            }
            for (int i = 0; i < v.getAsJsonArray().size(); i++) {
                items.check(v.getAsJsonArray().get(i), path + "[" + i + "]", problems);
            }
        };
    }

    /** A value checked by a client-java model (e.g. V1ResourceRequirements inside a CloudNativePG Cluster). */
    static Schema model(Class<?> model) {
        return (v, path, problems) -> {
            if (!v.isJsonObject()) {
                problems.add(path + ": expected a mapping, got " + v);
                return;
            }
            ApiModels.validate(v.getAsJsonObject(), model).ifPresent(p -> problems.add(path + ": " + p));
        };
    }

    static ObjectSchema object() {
        return new ObjectSchema();
    }

    /** A mapping with named fields; {@link #required} ones must be present, any other field is refused. */
    final class ObjectSchema implements Schema {
        private final Map<String, Schema> fields = new LinkedHashMap<>();
        private final Map<String, Boolean> required = new LinkedHashMap<>();

        ObjectSchema required(String name, Schema schema) {
            fields.put(name, schema);
            required.put(name, true);
            return this;
        }

        ObjectSchema optional(String name, Schema schema) {
            fields.put(name, schema);
            return this;
        }

        @Override
        public void check(JsonElement value, String path, List<String> problems) {
            if (!value.isJsonObject()) {
                problems.add(path + ": expected a mapping, got " + value);
                return;
            }
            JsonObject o = value.getAsJsonObject();
            for (String name : o.keySet()) {
                Schema schema = fields.get(name);
                if (schema == null) {
                    problems.add(path + ": unknown field `" + name + "` (known: " + fields.keySet() + ")");
                } else {
                    schema.check(o.get(name), path + "." + name, problems);
                }
            }
            required.keySet().stream().filter(name -> !o.has(name))
                    .forEach(name -> problems.add(path + ": required field `" + name + "` is missing"));
        }
    }
}
