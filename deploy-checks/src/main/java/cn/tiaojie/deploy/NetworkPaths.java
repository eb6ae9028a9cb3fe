package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates NetworkPolicies for traffic between two pods of the suite's namespace, as the Kubernetes network
 * model defines it: traffic is allowed when the sender's egress and the receiver's ingress both allow it, and a
 * direction is open for a pod that no policy of that type selects. Traffic with another namespace (the ingress
 * controller's, the identity provider's) is judged by the suite's side alone: the other side's policies are not here.
 */
final class NetworkPaths {

    private final List<Manifest> policies;

    NetworkPaths(List<Manifest> objects) {
        this.policies = objects.stream().filter(m -> m.is("NetworkPolicy")).toList();
    }

    boolean allows(Workload from, Workload to, int port) {
        return allowed(from, inSuite(to), to::port, port, "Egress", "egress", "to")
                && allowed(to, inSuite(from), to::port, port, "Ingress", "ingress", "from");
    }

    /** Whether pods of another namespace (selected by its name, any pod of it) may reach {@code to} on the port. */
    boolean allowsFromNamespace(String namespace, Workload to, int port) {
        return allowed(to, inNamespace(namespace), to::port, port, "Ingress", "ingress", "from");
    }

    /** Whether {@code from} may reach pods of another namespace on the port (a number: their ports are not here). */
    boolean allowsToNamespace(Workload from, String namespace, int port) {
        return allowed(from, inNamespace(namespace), name -> null, port, "Egress", "egress", "to");
    }

    /** A peer entry naming pods of the suite's namespace: a pod selector without a namespace selector. */
    private static Predicate<JsonObject> inSuite(Workload peer) {
        return p -> p.has("podSelector") && !p.has("namespaceSelector") && !p.has("ipBlock")
                && peer.selectedBy(Json.object(p, "podSelector"));
    }

    /** A peer entry naming every pod of a namespace by its {@code kubernetes.io/metadata.name} label. */
    private static Predicate<JsonObject> inNamespace(String namespace) {
        return p -> namespace.equals(Json.stringMap(Json.object(p, "namespaceSelector"), "matchLabels")
                .get("kubernetes.io/metadata.name")) && Json.object(p, "podSelector").entrySet().isEmpty();
    }

    /** Whether {@code subject}'s policies of one direction let traffic to or from a peer on the port. */
    private boolean allowed(Workload subject, Predicate<JsonObject> peer, Function<String, Integer> receiverPorts,
            int port, String type, String rulesField, String peersField) {
        List<JsonObject> applicable = policies.stream().map(p -> Json.object(p.body(), "spec"))
                .filter(spec -> subject.selectedBy(Json.object(spec, "podSelector")))
                .filter(spec -> types(spec).contains(type))
                .toList();
        if (applicable.isEmpty()) {
            return true;
        }
        for (JsonObject spec : applicable) {
            for (JsonObject rule : Json.objects(spec, rulesField)) {
                if (peerMatches(rule, peersField, peer) && portMatches(rule, receiverPorts, port)) {
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

    private static boolean peerMatches(JsonObject rule, String peersField, Predicate<JsonObject> peer) {
        if (!rule.has(peersField) || Json.objects(rule, peersField).isEmpty()) {
            return true;
        }
        return Json.objects(rule, peersField).stream().anyMatch(peer);
    }

    private static boolean portMatches(JsonObject rule, Function<String, Integer> receiverPorts, int port) {
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
                    : receiverPorts.apply(value.getAsString());
            if (number != null && number == port) {
                return true;
            }
        }
        return false;
    }
}
