package cn.tiaojie.deploy;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Something that runs pods: a Deployment, or a CloudNativePG Cluster (whose operator labels its pods). */
record Workload(String kind, String name, Map<String, String> podLabels, Map<String, Integer> ports, Manifest source) {

    static final int POSTGRES_PORT = 5432;

    static Workload of(Manifest m) {
        if (m.is("Deployment")) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (JsonObject c : Json.objects(Json.path(m.body(), "spec", "template", "spec"), "containers")) {
                for (JsonObject p : Json.objects(c, "ports")) {
                    if (Json.string(p, "name") != null) {
                        ports.put(Json.string(p, "name"), p.get("containerPort").getAsInt());
                    }
                }
            }
            return new Workload("Deployment", m.name(), m.labels("spec", "template", "metadata"), ports, m);
        }
        if (m.is("Cluster")) {
            // the labels and ports CloudNativePG gives every instance pod of a cluster
            return new Workload("Cluster", m.name(), Map.of("cnpg.io/cluster", m.name(), "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", POSTGRES_PORT, "metrics", 9187, "status", 8000), m);
        }
        return null;
    }

    static List<Workload> in(List<Manifest> manifests) {
        return manifests.stream().map(Workload::of).filter(w -> w != null).toList();
    }

    /** Whether a label selector ({@code matchLabels} and {@code matchExpressions}) selects this workload's pods. */
    boolean selectedBy(JsonObject selector) {
        if (!Json.stringMap(selector, "matchLabels").entrySet().stream()
                .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())))) {
            return false;
        }
        for (JsonObject expression : Json.objects(selector, "matchExpressions")) {
            String value = podLabels.get(Json.string(expression, "key"));
            List<String> values = Json.strings(expression, "values");
            boolean ok = switch (String.valueOf(Json.string(expression, "operator"))) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a Service-style selector (a plain label map) selects this workload's pods. */
    boolean selectedBy(Map<String, String> labels) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    Integer port(String nameOrNumber) {
        if (nameOrNumber.matches("[0-9]+")) {
            return ports.containsValue(Integer.parseInt(nameOrNumber)) ? Integer.parseInt(nameOrNumber) : null;
        }
        return ports.get(nameOrNumber);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
