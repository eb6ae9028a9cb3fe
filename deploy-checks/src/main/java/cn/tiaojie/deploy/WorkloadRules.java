package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's rules for a rendered set of objects (the base or an overlay), beyond what the API schema says:
 * hardened, probed and bounded Deployments; Services, NetworkPolicies, Ingresses, autoscalers and budgets that
 * point at things that exist; ConfigMaps and Secrets that exist where pods read them.
 */
public final class WorkloadRules {

    /** Namespaces outside the suite that NetworkPolicies may name: the prerequisites in k8s/README.md. */
    public static final Set<String> EXTERNAL_NAMESPACES =
            Set.of("kube-system", "ingress-nginx", "cnpg-system", "monitoring", "keycloak");

    private WorkloadRules() {
    }

    /**
     * @param objects what the kustomization renders
     * @param secretTemplates the Secrets an operator creates by hand (k8s/secrets), which pods may reference
     */
    public static List<String> check(List<Manifest> objects, List<Manifest> secretTemplates) {
        List<String> problems = new ArrayList<>();
        List<Workload> workloads = Workload.in(objects);
        objects.stream().filter(m -> m.is("Deployment")).forEach(d -> deployment(d, problems));
        objects.stream().filter(m -> m.is("Service")).forEach(s -> service(s, workloads, problems));
        objects.stream().filter(m -> m.is("NetworkPolicy")).forEach(p -> networkPolicy(p, workloads, problems));
        objects.stream().filter(m -> m.is("Ingress")).forEach(i -> ingress(i, objects, secretTemplates, problems));
        objects.stream().filter(m -> m.is("HorizontalPodAutoscaler")).forEach(h -> autoscaler(h, objects, problems));
        objects.stream().filter(m -> m.is("PodDisruptionBudget")).forEach(b -> budget(b, workloads, problems));
        references(objects, secretTemplates, problems);
        return problems;
    }

    static void deployment(Manifest d, List<String> problems) {
        JsonObject podSpec = Json.path(d.body(), "spec", "template", "spec");
        JsonObject podSecurity = Json.object(podSpec, "securityContext");
        Set<String> emptyDirs = new HashSet<>();
        for (JsonObject v : Json.objects(podSpec, "volumes")) {
            if (v.has("emptyDir")) {
                emptyDirs.add(Json.string(v, "name"));
            }
        }
        if (!podSpec.has("automountServiceAccountToken") || Json.isTrue(podSpec, "automountServiceAccountToken")) {
            problems.add(d.where() + ": automountServiceAccountToken is not false (no pod of the suite calls the Kubernetes API)");
        }
        List<JsonObject> containers = Json.objects(podSpec, "containers");
        if (containers.isEmpty()) {
            problems.add(d.where() + ": no containers");
        }
        for (JsonObject c : containers) {
            String at = d.where() + " container " + Json.string(c, "name");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (!c.has(probe)) {
                    problems.add(at + ": no " + probe);
                }
            }
            JsonObject resources = Json.object(c, "resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!Json.object(resources, bound).has(resource)) {
                        problems.add(at + ": no " + resource + " in resources." + bound);
                    }
                }
            }
            JsonObject security = Json.object(c, "securityContext");
            if (!Json.isTrue(security, "runAsNonRoot") && !Json.isTrue(podSecurity, "runAsNonRoot")) {
                problems.add(at + ": securityContext.runAsNonRoot is not true");
            }
            if (!Json.isTrue(security, "readOnlyRootFilesystem")) {
                problems.add(at + ": securityContext.readOnlyRootFilesystem is not true");
            }
            if (!security.has("allowPrivilegeEscalation") || Json.isTrue(security, "allowPrivilegeEscalation")) {
                problems.add(at + ": securityContext.allowPrivilegeEscalation is not false");
            }
            if (!Json.strings(Json.object(security, "capabilities"), "drop").contains("ALL")) {
                problems.add(at + ": securityContext.capabilities.drop does not contain ALL");
            }
            if (Json.object(security, "capabilities").has("add")) {
                problems.add(at + ": securityContext.capabilities.add is set");
            }
            String seccomp = Json.string(Json.object(security, "seccompProfile"), "type");
            if (seccomp == null) {
                seccomp = Json.string(Json.object(podSecurity, "seccompProfile"), "type");
            }
            if (!"RuntimeDefault".equals(seccomp)) {
                problems.add(at + ": seccompProfile is not RuntimeDefault");
            }
            boolean tmpMounted = Json.objects(c, "volumeMounts").stream()
                    .anyMatch(m -> "/tmp".equals(Json.string(m, "mountPath")) && emptyDirs.contains(Json.string(m, "name")));
            if (!tmpMounted) {
                problems.add(at + ": the root filesystem is read-only but no emptyDir is mounted at /tmp");
            }
        }
    }

    static void service(Manifest s, List<Workload> workloads, List<String> problems) {
        Map<String, String> selector = Json.stringMap(Json.object(s.body(), "spec"), "selector");
        if (selector.isEmpty()) {
            problems.add(s.where() + ": has no selector");
            return;
        }
        List<Workload> selected = workloads.stream().filter(w -> w.selectedBy(selector)).toList();
        if (selected.isEmpty()) {
            problems.add(s.where() + ": selector " + selector + " selects no workload");
            return;
        }
        for (JsonObject port : Json.objects(Json.object(s.body(), "spec"), "ports")) {
            JsonElement target = port.get("targetPort");
            if (target != null && !target.getAsJsonPrimitive().isNumber()) {
                for (Workload w : selected) {
                    if (w.port(target.getAsString()) == null) {
                        problems.add(s.where() + ": targetPort " + target.getAsString() + " is not a port of " + w);
                    }
                }
            }
        }
    }

    static void networkPolicy(Manifest p, List<Workload> workloads, List<String> problems) {
        JsonObject spec = Json.object(p.body(), "spec");
        JsonObject podSelector = Json.object(spec, "podSelector");
        boolean allPods = podSelector.entrySet().isEmpty();
        List<Workload> selected = workloads.stream().filter(w -> w.selectedBy(podSelector)).toList();
        if (!allPods && selected.isEmpty()) {
            problems.add(p.where() + ": podSelector selects no workload");
        }
        for (String direction : List.of("ingress", "egress")) {
            String peers = direction.equals("ingress") ? "from" : "to";
            for (JsonObject rule : Json.objects(spec, direction)) {
                List<Workload> peerWorkloads = new ArrayList<>();
                boolean externalPeer = false;
                for (JsonObject peer : Json.objects(rule, peers)) {
                    if (peer.has("namespaceSelector")) {
                        externalPeer = true;
                        String namespace = Json.stringMap(Json.object(peer, "namespaceSelector"), "matchLabels")
                                .get("kubernetes.io/metadata.name");
                        if (namespace == null || !EXTERNAL_NAMESPACES.contains(namespace)) {
                            problems.add(p.where() + ": " + direction + " peer namespace " + namespace
                                    + " is not one of the prerequisites " + EXTERNAL_NAMESPACES
                                    + " (select it by kubernetes.io/metadata.name)");
                        }
                    } else if (peer.has("podSelector")) {
                        List<Workload> matched = workloads.stream()
                                .filter(w -> w.selectedBy(Json.object(peer, "podSelector"))).toList();
                        if (matched.isEmpty()) {
                            problems.add(p.where() + ": " + direction + " peer " + Json.object(peer, "podSelector")
                                    + " selects no workload");
                        }
                        peerWorkloads.addAll(matched);
                    } else if (peer.has("ipBlock")) {
                        externalPeer = true;
                    }
                }
                // a named port must exist on the pods that receive the traffic
                List<Workload> receivers = direction.equals("ingress") ? selected : peerWorkloads;
                for (JsonObject port : Json.objects(rule, "ports")) {
                    JsonElement value = port.get("port");
                    if (value == null || value.getAsJsonPrimitive().isNumber() || externalPeer && receivers.isEmpty()) {
                        continue;
                    }
                    for (Workload w : receivers) {
                        if (w.port(value.getAsString()) == null) {
                            problems.add(p.where() + ": " + direction + " port " + value.getAsString()
                                    + " is not a port of " + w);
                        }
                    }
                }
            }
        }
    }

    static void ingress(Manifest i, List<Manifest> objects, List<Manifest> secretTemplates, List<String> problems) {
        JsonObject spec = Json.object(i.body(), "spec");
        for (JsonObject rule : Json.objects(spec, "rules")) {
            for (JsonObject path : Json.objects(Json.object(rule, "http"), "paths")) {
                JsonObject backend = Json.path(path, "backend", "service");
                String name = Json.string(backend, "name");
                Manifest service = objects.stream().filter(m -> m.is("Service") && m.name().equals(name))
                        .findFirst().orElse(null);
                if (service == null) {
                    problems.add(i.where() + ": backend Service " + name + " does not exist");
                    continue;
                }
                JsonObject port = Json.object(backend, "port");
                boolean portExists = Json.objects(Json.object(service.body(), "spec"), "ports").stream().anyMatch(p ->
                        port.has("name") ? Json.string(port, "name").equals(Json.string(p, "name"))
                                : port.get("number").getAsInt() == p.get("port").getAsInt());
                if (!portExists) {
                    problems.add(i.where() + ": backend port " + port + " is not a port of Service " + name);
                }
            }
        }
        for (JsonObject tls : Json.objects(spec, "tls")) {
            String secret = Json.string(tls, "secretName");
            if (secretTemplates.stream().noneMatch(s -> s.name().equals(secret))) {
                problems.add(i.where() + ": TLS Secret " + secret + " has no template in k8s/secrets");
            }
        }
    }

    static void autoscaler(Manifest h, List<Manifest> objects, List<String> problems) {
        JsonObject spec = Json.object(h.body(), "spec");
        JsonObject target = Json.object(spec, "scaleTargetRef");
        Manifest deployment = objects.stream()
                .filter(m -> m.kind().equals(Json.string(target, "kind")) && m.name().equals(Json.string(target, "name")))
                .findFirst().orElse(null);
        if (deployment == null) {
            problems.add(h.where() + ": scaleTargetRef " + Json.string(target, "kind") + "/"
                    + Json.string(target, "name") + " does not exist");
        }
        int min = spec.has("minReplicas") ? spec.get("minReplicas").getAsInt() : 1;
        if (min > spec.get("maxReplicas").getAsInt()) {
            problems.add(h.where() + ": minReplicas is above maxReplicas");
        }
        if (deployment != null && Json.object(deployment.body(), "spec").has("replicas")
                && Json.object(deployment.body(), "spec").get("replicas").getAsInt() != min) {
            problems.add(h.where() + ": the Deployment's replicas differ from minReplicas (each apply would fight the autoscaler)");
        }
    }

    static void budget(Manifest b, List<Workload> workloads, List<String> problems) {
        JsonObject selector = Json.path(b.body(), "spec", "selector");
        if (workloads.stream().noneMatch(w -> w.selectedBy(selector))) {
            problems.add(b.where() + ": selector selects no workload");
        }
    }

    /** Every ConfigMap and Secret a pod or a database reads exists, with the keys read. */
    static void references(List<Manifest> objects, List<Manifest> secretTemplates, List<String> problems) {
        for (Manifest d : objects.stream().filter(m -> m.is("Deployment")).toList()) {
            for (JsonObject c : Json.objects(Json.path(d.body(), "spec", "template", "spec"), "containers")) {
                for (JsonObject from : Json.objects(c, "envFrom")) {
                    if (from.has("configMapRef")) {
                        require(d, "ConfigMap", Json.string(Json.object(from, "configMapRef"), "name"), null, objects, problems);
                    }
                    if (from.has("secretRef")) {
                        require(d, "Secret", Json.string(Json.object(from, "secretRef"), "name"), null, secretTemplates, problems);
                    }
                }
                for (JsonObject env : Json.objects(c, "env")) {
                    JsonObject valueFrom = Json.object(env, "valueFrom");
                    if (valueFrom.has("secretKeyRef")) {
                        JsonObject ref = Json.object(valueFrom, "secretKeyRef");
                        require(d, "Secret", Json.string(ref, "name"), Json.string(ref, "key"), secretTemplates, problems);
                    }
                    if (valueFrom.has("configMapKeyRef")) {
                        JsonObject ref = Json.object(valueFrom, "configMapKeyRef");
                        require(d, "ConfigMap", Json.string(ref, "name"), Json.string(ref, "key"), objects, problems);
                    }
                }
            }
        }
        for (Manifest cluster : objects.stream().filter(m -> m.is("Cluster")).toList()) {
            JsonObject initdb = Json.path(cluster.body(), "spec", "bootstrap", "initdb");
            String secret = Json.string(Json.object(initdb, "secret"), "name");
            require(cluster, "Secret", secret, "username", secretTemplates, problems);
            require(cluster, "Secret", secret, "password", secretTemplates, problems);
            secretTemplates.stream().filter(s -> s.name().equals(secret)).findFirst().ifPresent(s -> {
                if (!Json.string(initdb, "owner").equals(Json.string(Json.object(s.body(), "stringData"), "username"))) {
                    problems.add(cluster.where() + ": owner " + Json.string(initdb, "owner")
                            + " differs from the username in Secret " + secret);
                }
            });
            // the roles the operator keeps beside the owner (the services' own logins), each with its Secret
            for (JsonObject role : Json.objects(Json.path(cluster.body(), "spec", "managed"), "roles")) {
                String name = Json.string(role, "name");
                if (name == null) {
                    continue;
                }
                if (name.equals(Json.string(initdb, "owner"))) {
                    problems.add(cluster.where() + ": managed role " + name + " is the database owner");
                }
                if (Json.isTrue(role, "superuser") || Json.isTrue(role, "createrole") || Json.isTrue(role, "bypassrls")) {
                    problems.add(cluster.where() + ": managed role " + name + " has superuser, createrole or bypassrls");
                }
                if (!role.has("passwordSecret")) {
                    continue;
                }
                String roleSecret = Json.string(Json.object(role, "passwordSecret"), "name");
                if (roleSecret.equals(secret)) {
                    problems.add(cluster.where() + ": managed role " + name + " shares the owner's Secret " + secret);
                }
                require(cluster, "Secret", roleSecret, "username", secretTemplates, problems);
                require(cluster, "Secret", roleSecret, "password", secretTemplates, problems);
                secretTemplates.stream().filter(s -> s.name().equals(roleSecret)).findFirst().ifPresent(s -> {
                    if (!name.equals(Json.string(Json.object(s.body(), "stringData"), "username"))) {
                        problems.add(cluster.where() + ": managed role " + name
                                + " differs from the username in Secret " + roleSecret);
                    }
                });
            }
        }
        for (Manifest configMap : objects.stream().filter(m -> m.is("ConfigMap")).toList()) {
            String url = Json.string(Json.object(configMap.body(), "data"), "QUARKUS_DATASOURCE_JDBC_URL");
            if (url != null) {
                String cluster = Databases.clusterOf(url);
                if (objects.stream().noneMatch(m -> m.is("Cluster") && m.name().equals(cluster))) {
                    problems.add(configMap.where() + ": the JDBC URL " + url + " names no CloudNativePG Cluster");
                }
            }
        }
    }

    static void require(Manifest user, String kind, String name, String key, List<Manifest> candidates,
            List<String> problems) {
        Manifest found = candidates.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst().orElse(null);
        if (found == null) {
            problems.add(user.where() + ": " + kind + " " + name + " does not exist"
                    + (kind.equals("Secret") ? " (Secrets are templated in k8s/secrets)" : ""));
        } else if (key != null && !Json.object(found.body(), "data").has(key)
                && !Json.object(found.body(), "stringData").has(key)) {
            problems.add(user.where() + ": " + kind + " " + name + " has no key " + key);
        }
    }
}
