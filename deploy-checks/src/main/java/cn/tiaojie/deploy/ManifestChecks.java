package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every check of the Kubernetes manifests, each returning its problems (empty = pass). The tests run them in
 * {@code ./mvnw verify}; {@link #main} runs them all from the command line and prints how long each took.
 */
public final class ManifestChecks {

    public static final List<String> RENDERED = List.of("base", "overlays/dev", "overlays/prod");
    /** The prerequisites' namespaces the workbench's traffic crosses (see {@link WorkloadRules#EXTERNAL_NAMESPACES}). */
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final String IDENTITY_PROVIDER_NAMESPACE = "keycloak";
    /** Paths under /q that stay inside the cluster: health, metrics, OpenAPI and its UI. */
    private static final List<String> INTERNAL_PATHS =
            List.of("/q", "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui");

    private final Path root;
    private final Path k8s;

    /**
     * @param root the repository (the services' sources and build output)
     * @param k8s the manifests to check, normally {@code root/k8s}
     */
    public ManifestChecks(Path root, Path k8s) {
        this.root = root.toAbsolutePath().normalize();
        this.k8s = k8s.toAbsolutePath().normalize();
    }

    /**
     * Every YAML document under k8s/, strictly against its API model or own schema. Patch files are partial
     * objects: they are checked as part of what their kustomization renders (see {@link #rules}), where the merged
     * object must be complete. A file nobody uses (no kustomization lists it, not a Secret template) is a problem.
     */
    public List<String> schema() {
        List<String> problems = new ArrayList<>();
        Set<Path> patches = new HashSet<>();
        Set<Path> used = new HashSet<>();
        for (Path file : YamlFiles.under(k8s)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                used.add(file);
                try {
                    JsonObject k = YamlFiles.read(file).getFirst().body();
                    Json.strings(k, "resources").forEach(r -> used.add(file.resolveSibling(r).normalize()));
                    Json.objects(k, "patches").forEach(r -> patches.add(file.resolveSibling(Json.string(r, "path")).normalize()));
                } catch (RuntimeException e) {
                    problems.add(file + ": " + e.getMessage());
                }
            }
        }
        for (Path file : YamlFiles.under(k8s)) {
            if (!used.contains(file) && !patches.contains(file) && !file.startsWith(k8s.resolve("secrets"))) {
                problems.add(file + ": no kustomization lists it (nor is it a Secret template in k8s/secrets)");
            }
            if (patches.contains(file)) {
                continue;
            }
            try {
                for (Manifest m : YamlFiles.read(file)) {
                    problems.addAll(ApiModels.validate(m));
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** What the kustomization in {@code k8s/<dir>} renders, or the problems of rendering it. */
    public List<Manifest> render(String dir, List<String> problems) {
        try {
            return Kustomize.render(k8s.resolve(dir), problems);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    /** The workload, reference and policy rules on what {@code k8s/<dir>} renders. */
    public List<String> rules(String dir) {
        List<String> problems = new ArrayList<>();
        List<Manifest> objects = render(dir, problems);
        // what the cluster receives, patches merged in, must itself be valid
        objects.forEach(m -> problems.addAll(ApiModels.validate(m)));
        List<Manifest> secretTemplates = secretTemplates();
        problems.addAll(WorkloadRules.check(objects, secretTemplates));
        BackupRules.check(objects, secretTemplates, problems);
        objects.stream().filter(m -> m.is("Secret")).forEach(s -> problems.add(s.where()
                + ": Secrets are not applied with the manifests; keep them as templates in k8s/secrets"));
        return problems;
    }

    /**
     * The committed generated manifests equal what {@code package} generated in each module's target/. Compared
     * as content: quarkus-kubernetes writes the same labels and annotations on every build but not always in the
     * same order, so mappings compare regardless of key order and lists of named items regardless of item order.
     */
    public List<String> generatedMatchBuild() {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceSources.APPLICATIONS) {
            Path built = root.resolve(module).resolve("target/kubernetes/kubernetes.yml");
            Path committed = k8s.resolve("base/generated").resolve(module + ".yml");
            if (!Files.isRegularFile(built)) {
                problems.add(built + " is missing: build it first (./mvnw package -pl " + module + ")");
                continue;
            }
            if (!Files.isRegularFile(committed)) {
                problems.add(committed + " is missing: copy it from " + built);
                continue;
            }
            List<Manifest> want = YamlFiles.read(built);
            List<Manifest> have = YamlFiles.read(committed);
            if (want.size() != have.size()) {
                problems.add(committed + " has " + have.size() + " objects, the build's " + built + " has "
                        + want.size() + "; copy the built file over it");
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                String difference = GeneratedContent.firstDifference(want.get(i).body(), have.get(i).body(), "");
                if (difference != null) {
                    problems.add(committed + " differs from the build's " + built + " in " + want.get(i).kind() + "/"
                            + want.get(i).name() + " at " + difference + "; copy the built file over it");
                }
            }
        }
        return problems;
    }

    /**
     * On what {@code k8s/<dir>} renders: the NetworkPolicies open exactly the gRPC paths the services' own config
     * dials (and nothing else between them), each service reaches its own database and no other, and the config
     * the pods receive names the peers' Services and ports.
     */
    public List<String> grpcPaths(String dir) {
        List<String> problems = new ArrayList<>();
        List<Manifest> objects = render(dir, problems);
        List<Workload> workloads = Workload.in(objects);
        NetworkPaths paths = new NetworkPaths(objects);
        Map<String, Workload> services = new LinkedHashMap<>();
        for (String s : ServiceSources.SERVICES) {
            deployment(workloads, s).ifPresentOrElse(w -> services.put(s, w), () -> problems.add(dir + ": no Deployment " + s));
        }
        List<Workload> databases = workloads.stream().filter(w -> w.kind().equals("Cluster")).toList();
        for (Map.Entry<String, Workload> caller : services.entrySet()) {
            Map<String, Integer> declared = ServiceSources.grpcPeers(root, caller.getKey());
            Map<String, String> env = environment(caller.getValue().source(), objects);
            for (Map.Entry<String, Workload> callee : services.entrySet()) {
                if (caller.getKey().equals(callee.getKey())) {
                    continue;
                }
                Integer port = callee.getValue().port("http");
                boolean open = port != null && paths.allows(caller.getValue(), callee.getValue(), port);
                boolean wanted = declared.containsKey(callee.getKey());
                if (open != wanted) {
                    problems.add(dir + ": " + caller.getKey() + " → " + callee.getKey() + " is "
                            + (open ? "open, but the caller has no gRPC client for it" : "closed, but the caller calls it over gRPC"));
                }
                if (wanted) {
                    wiring(dir, caller.getKey(), callee.getKey(), declared.get(callee.getKey()), env, objects, problems);
                }
            }
            String ownDatabase = env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")
                    ? Databases.clusterOf(env.get("QUARKUS_DATASOURCE_JDBC_URL")) : null;
            if (ownDatabase == null) {
                problems.add(dir + ": " + caller.getKey() + " receives no QUARKUS_DATASOURCE_JDBC_URL");
            }
            for (Workload database : databases) {
                boolean open = paths.allows(caller.getValue(), database, Workload.POSTGRES_PORT);
                boolean own = database.name().equals(ownDatabase);
                if (open != own) {
                    problems.add(dir + ": " + caller.getKey() + " → database " + database.name() + " is "
                            + (open ? "open, but it is not the service's own database" : "closed, but it is the service's database"));
                }
            }
        }
        return problems;
    }

    /**
     * On what {@code k8s/<dir>} renders, the workbench's paths: the ingress controller reaches its pages; it reaches
     * the HTTP port of exactly the services its REST clients name, at the Services web-config names, and the
     * identity provider; no service calls it and it reaches no database.
     */
    public List<String> workbenchPaths(String dir) {
        List<String> problems = new ArrayList<>();
        List<Manifest> objects = render(dir, problems);
        List<Workload> workloads = Workload.in(objects);
        NetworkPaths paths = new NetworkPaths(objects);
        Workload web = deployment(workloads, ServiceSources.WEB).orElse(null);
        if (web == null || web.port("http") == null) {
            problems.add(dir + ": no Deployment web with a port named http");
            return problems;
        }
        int webPort = web.port("http");
        if (!paths.allowsFromNamespace(INGRESS_CONTROLLER_NAMESPACE, web, webPort)) {
            problems.add(dir + ": ingress controller → web is closed: nobody reaches the pages");
        }
        Set<String> clients = ServiceSources.restClients(root, ServiceSources.WEB);
        Map<String, String> env = environment(web.source(), objects);
        for (String service : ServiceSources.SERVICES) {
            Workload callee = deployment(workloads, service).orElse(null);
            if (callee == null || callee.port("http") == null) {
                problems.add(dir + ": no Deployment " + service + " with a port named http");
                continue;
            }
            boolean open = paths.allows(web, callee, callee.port("http"));
            boolean wanted = clients.contains(service);
            if (open != wanted) {
                problems.add(dir + ": web → " + service + " is "
                        + (open ? "open, but web has no REST client for it" : "closed, but web calls its REST API"));
            }
            if (wanted) {
                restWiring(dir, service, env, objects, problems);
            }
            if (paths.allows(callee, web, webPort)) {
                problems.add(dir + ": " + service + " → web is open, but no service calls the workbench");
            }
        }
        for (Workload database : workloads.stream().filter(w -> w.kind().equals("Cluster")).toList()) {
            if (paths.allows(web, database, Workload.POSTGRES_PORT)) {
                problems.add(dir + ": web → database " + database.name() + " is open, but the workbench keeps no data");
            }
        }
        boolean signIn = paths.allowsToNamespace(web, IDENTITY_PROVIDER_NAMESPACE, 8080)
                || paths.allowsToNamespace(web, IDENTITY_PROVIDER_NAMESPACE, 8443);
        if (!signIn) {
            problems.add(dir + ": web → the identity provider (namespace " + IDENTITY_PROVIDER_NAMESPACE
                    + ") is closed: nobody can sign in");
        }
        return problems;
    }

    private static Optional<Workload> deployment(List<Workload> workloads, String name) {
        return workloads.stream().filter(w -> w.kind().equals("Deployment") && w.name().equals(name)).findFirst();
    }

    /** The workbench's REST client for a service is pointed at that service's Service, on its port named http. */
    private static void restWiring(String dir, String service, Map<String, String> env, List<Manifest> objects,
            List<String> problems) {
        String variable = "QUARKUS_REST_CLIENT_" + service.toUpperCase().replace('-', '_') + "_URL";
        String url = env.get(variable);
        if (url == null) {
            problems.add(dir + ": web receives no " + variable + " (its REST client would call localhost)");
            return;
        }
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        if (!service.equals(uri.getHost())) {
            problems.add(dir + ": web calls " + service + " at " + url + " (set " + variable + "=http://" + service + ")");
        }
        boolean servicePort = objects.stream().filter(m -> m.is("Service") && m.name().equals(service))
                .flatMap(s -> Json.objects(Json.object(s.body(), "spec"), "ports").stream())
                .anyMatch(p -> "http".equals(Json.string(p, "name")) && p.get("port").getAsInt() == port);
        if (!servicePort) {
            problems.add(dir + ": web calls " + url + " but Service " + service + " has no port named http numbered " + port);
        }
    }

    private void wiring(String dir, String caller, String callee, int dialledPort, Map<String, String> env,
            List<Manifest> objects, List<String> problems) {
        String client = callee.replace("-service", "").toUpperCase().replace('-', '_');
        String host = env.get("QUARKUS_GRPC_CLIENTS_" + client + "_HOST");
        int port = env.containsKey("QUARKUS_GRPC_CLIENTS_" + client + "_PORT")
                ? Integer.parseInt(env.get("QUARKUS_GRPC_CLIENTS_" + client + "_PORT")) : dialledPort;
        if (!callee.equals(host)) {
            problems.add(dir + ": " + caller + " dials " + callee + " at host " + host + " (set QUARKUS_GRPC_CLIENTS_"
                    + client + "_HOST=" + callee + " in its ConfigMap)");
        }
        boolean servicePort = objects.stream().filter(m -> m.is("Service") && m.name().equals(callee))
                .flatMap(s -> Json.objects(Json.object(s.body(), "spec"), "ports").stream())
                .anyMatch(p -> "grpc".equals(Json.string(p, "name")) && p.get("port").getAsInt() == port);
        if (!servicePort) {
            problems.add(dir + ": " + caller + " dials " + callee + ":" + port + " but Service " + callee
                    + " has no port named grpc with that number");
        }
    }

    /**
     * On what {@code k8s/<dir>} renders: every service reaches its database over TLS that verifies the server
     * ({@code sslmode=verify-full}), against the CA CloudNativePG made for that cluster (Secret {@code <cluster>-ca}),
     * mounted where the JDBC URL's {@code sslrootcert} looks.
     */
    public List<String> databaseTransport(String dir) {
        List<String> problems = new ArrayList<>();
        List<Manifest> objects = render(dir, problems);
        for (Manifest deployment : objects.stream().filter(m -> m.is("Deployment")).toList()) {
            String url = environment(deployment, objects).get("QUARKUS_DATASOURCE_JDBC_URL");
            if (url == null) {
                continue;
            }
            Map<String, String> parameters = Databases.parameters(url);
            if (!"verify-full".equals(parameters.get("sslmode"))) {
                problems.add(deployment.where() + ": connects to its database without sslmode=verify-full (" + url + ")");
                continue;
            }
            String rootCert = parameters.get("sslrootcert");
            String caSecret = Databases.clusterOf(url) + "-ca";
            JsonObject podSpec = Json.path(deployment.body(), "spec", "template", "spec");
            JsonObject container = Json.objects(podSpec, "containers").stream().findFirst().orElse(new JsonObject());
            boolean mounted = rootCert != null && Json.objects(container, "volumeMounts").stream()
                    .filter(mount -> rootCert.startsWith(Json.string(mount, "mountPath") + "/"))
                    .anyMatch(mount -> Json.objects(podSpec, "volumes").stream()
                            .anyMatch(v -> Json.string(v, "name").equals(Json.string(mount, "name"))
                                    && caSecret.equals(Json.string(Json.object(v, "secret"), "secretName"))));
            if (!mounted) {
                problems.add(deployment.where() + ": sslrootcert " + rootCert + " is not a mounted file of Secret "
                        + caSecret + " (the database cluster's CA)");
            }
        }
        return problems;
    }

    /** The environment a Deployment's first container receives from its ConfigMaps and literal values. */
    static Map<String, String> environment(Manifest deployment, List<Manifest> objects) {
        Map<String, String> env = new HashMap<>();
        JsonObject container = Json.objects(Json.path(deployment.body(), "spec", "template", "spec"), "containers")
                .stream().findFirst().orElse(new JsonObject());
        for (JsonObject from : Json.objects(container, "envFrom")) {
            String name = Json.string(Json.object(from, "configMapRef"), "name");
            objects.stream().filter(m -> m.is("ConfigMap") && m.name().equals(name))
                    .forEach(cm -> env.putAll(Json.stringMap(cm.body(), "data")));
        }
        for (JsonObject e : Json.objects(container, "env")) {
            if (e.has("value")) {
                env.put(Json.string(e, "name"), Json.string(e, "value"));
            }
        }
        return env;
    }

    /**
     * On what {@code k8s/<dir>} renders: every REST path of every service, and every page of the workbench, reaches
     * that module through the Ingresses, routed as ingress-nginx routes them (per host; paths are regular expressions
     * anchored at the start when {@code use-regex} is on, else prefixes; the longest path that matches wins), and no
     * route matches a path under /q.
     */
    public List<String> ingressRoutes(String dir) {
        List<String> problems = new ArrayList<>();
        record Route(String host, String path, boolean regex, String service) {
            boolean matches(String requestPath) {
                if (regex) {
                    return java.util.regex.Pattern.compile("^" + path, java.util.regex.Pattern.CASE_INSENSITIVE)
                            .matcher(requestPath).find();
                }
                return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Manifest ingress : render(dir, problems).stream().filter(m -> m.is("Ingress")).toList()) {
            boolean regex = "true".equals(Json.stringMap(Json.object(ingress.body(), "metadata"), "annotations")
                    .get("nginx.ingress.kubernetes.io/use-regex"));
            for (JsonObject rule : Json.objects(Json.object(ingress.body(), "spec"), "rules")) {
                for (JsonObject path : Json.objects(Json.object(rule, "http"), "paths")) {
                    String p = Json.string(path, "path");
                    Route route = new Route(Json.string(rule, "host"), p, regex,
                            Json.string(Json.path(path, "backend", "service"), "name"));
                    routes.add(route);
                    INTERNAL_PATHS.stream().filter(route::matches).findFirst().ifPresent(q -> problems.add(ingress.where()
                            + ": " + p + " exposes " + q + " (health, metrics and OpenAPI stay inside)"));
                }
            }
        }
        for (String service : ServiceSources.APPLICATIONS) {
            // each host routes on its own: a path counts on the hosts that route anything to the module
            List<String> hosts = routes.stream().filter(r -> r.service().equals(service)).map(Route::host).distinct().toList();
            for (String restPath : ServiceSources.restPaths(root, service)) {
                List<Route> best = hosts.stream().flatMap(host -> routes.stream()
                        .filter(r -> r.host().equals(host) && r.matches(restPath))
                        .max(java.util.Comparator.comparingInt(r -> r.path().length())).stream()).toList();
                if (best.isEmpty()) {
                    problems.add(dir + ": no Ingress route reaches " + restPath + " of " + service);
                } else if (best.stream().noneMatch(r -> r.service().equals(service))) {
                    problems.add(dir + ": " + restPath + " of " + service + " is routed to " + best.getFirst().service()
                            + " (by " + best.getFirst().host() + " " + best.getFirst().path() + ")");
                }
            }
        }
        return problems;
    }

    /** The Secret templates: placeholders only (no real values), never part of what kustomize applies. */
    public List<String> secretTemplateRules() {
        List<String> problems = new ArrayList<>();
        for (Manifest secret : secretTemplates()) {
            if (!secret.is("Secret")) {
                problems.add(secret.where() + ": k8s/secrets holds Secret templates only");
                continue;
            }
            if (secret.body().has("data")) {
                problems.add(secret.where() + ": use stringData with <placeholders>, not data (base64 hides values)");
            }
            for (Map.Entry<String, JsonElement> e : Json.object(secret.body(), "stringData").entrySet()) {
                String value = e.getValue().getAsString();
                boolean placeholder = value.matches("<[^<>]+>");
                if (!placeholder && !Set.of("username").contains(e.getKey())) {
                    problems.add(secret.where() + ": " + e.getKey() + " holds a value; a template holds a <placeholder>");
                }
            }
        }
        return problems;
    }

    List<Manifest> secretTemplates() {
        Path dir = k8s.resolve("secrets");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Manifest> out = new ArrayList<>();
        for (Path file : YamlFiles.under(dir)) {
            out.addAll(YamlFiles.read(file));
        }
        return out;
    }

    /** Every check by name, in the order {@link #main} prints them. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> results = new LinkedHashMap<>();
        results.put("schema (client-java models, own schemas)", schema());
        results.put("secret templates", secretTemplateRules());
        results.put("generated manifests equal the build's", generatedMatchBuild());
        for (String dir : RENDERED) {
            results.put("rules on " + dir, rules(dir));
            results.put("network paths on " + dir, grpcPaths(dir));
            results.put("workbench paths on " + dir, workbenchPaths(dir));
        }
        for (String dir : RENDERED.subList(1, RENDERED.size())) {
            results.put("ingress routes on " + dir, ingressRoutes(dir));
        }
        return results;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every check on the repository (first argument, default ".") and prints problems and timings. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int problems = 0;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            Map<String, List<String>> results = new ManifestChecks(root, root.resolve("k8s")).all();
            long millis = (System.nanoTime() - start) / 1_000_000;
            problems = results.values().stream().mapToInt(List::size).sum();
            if (run == 1) {
                results.forEach((name, found) -> {
                    System.out.println((found.isEmpty() ? "ok    " : "FAIL  ") + name);
                    found.forEach(p -> System.out.println("      " + p));
                });
            }
            System.out.printf("run %d: %d checks, %d problems, %d ms%n", run, results.size(), problems, millis);
        }
        System.exit(problems == 0 ? 0 : 1);
    }
}
