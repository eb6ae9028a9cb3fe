package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Evaluates NetworkPolicies for traffic between two pods of the suite's namespace, as the Kubernetes network
 * model defines it: traffic is allowed when the sender's egress and the receiver's ingress both allow it, and a
 * direction is open for a pod that no policy of that type selects.
 */
final class NetworkPaths {

    private final List<Manifest> policies;

    NetworkPaths(List<Manifest> objects) {
        this.policies = objects.stream().filter(m -> m.is("NetworkPolicy")).toList();
    }

    boolean allows(Workload from, Workload to, int port) {
        return allowed(from, to, to, port, "Egress", "egress", "to")
                && allowed(to, from, to, port, "Ingress", "ingress", "from");
    }

    /** Whether {@code subject}'s policies of one direction let traffic to or from {@code peer} on the port. */
    private boolean allowed(Workload subject, Workload peer, Workload receiver, int port, String type,
            String rulesField, String peersField) {
        List<JsonObject> applicable = policies.stream().map(p -> Json.object(p.body(), "spec"))
                .filter(spec -> subject.selectedBy(Json.object(spec, "podSelector")))
                .filter(spec -> types(spec).contains(type))
                .toList();
        if (applicable.isEmpty()) {
            return true;
        }
        for (JsonObject spec : applicable) {
            for (JsonObject rule : Json.objects(spec, rulesField)) {
                if (peerMatches(rule, peersField, peer) && portMatches(rule, receiver, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(JsonObject spec) {
        List<String> declared = Json.strings(spec, "policyTypes");
        if (!declared.isEmpty()) {
            return declared;
        }
        return spec.has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peerMatches(JsonObject rule, String peersField, Workload peer) {
        if (!rule.has(peersField) || Json.objects(rule, peersField).isEmpty()) {
            return true;
        }
        // only a pod selector without a namespace selector means "pods of this namespace"
        return Json.objects(rule, peersField).stream()
                .anyMatch(p -> p.has("podSelector") && !p.has("namespaceSelector") && !p.has("ipBlock")
                        && peer.selectedBy(Json.object(p, "podSelector")));
    }

    private static boolean portMatches(JsonObject rule, Workload receiver, int port) {
        List<JsonObject> ports = Json.objects(rule, "ports");
        if (ports.isEmpty()) {
            return true;
        }
        for (JsonObject p : ports) {
            if (p.has("protocol") && !"TCP".equals(Json.string(p, "protocol"))) {
                continue;
            }
            JsonElement value = p.get("port");
            if (value == null) {
                return true;
            }
            Integer number = value.getAsJsonPrimitive().isNumber() ? Integer.valueOf(value.getAsInt())
                    : receiver.port(value.getAsString());
            if (number != null && number == port) {
                return true;
            }
        }
        return false;
    }
}
