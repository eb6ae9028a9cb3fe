package cn.tiaojie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.tiaojie.local.FreePorts;
import cn.tiaojie.local.LocalPostgres;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each packaged service and the workbench start in the prod profile with exactly the environment the prod overlay's
 * rendered manifests give their pods (ConfigMaps, and the Secret templates of k8s/secrets filled with fresh test
 * values) and reach ready. Only network addresses are changed, to loopback stand-ins: the database URL names the
 * embedded PostgreSQL (its TLS settings are checked by {@code databaseTransport}), the identity provider's in-cluster
 * address a local server of a freshly made key, and each process listens on a port of its own. A property the
 * manifests do not supply fails the check, naming the property and the module; so does a DEV-ONLY value.
 */
class ProdProfileBootIT {

    static final Path ROOT = RepositoryManifestsTest.ROOT;
    private static final String IDENTITY_PROVIDER = "http://keycloak.keycloak.svc:8080";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static LocalPostgres postgres;
    private static HttpServer identityProvider;
    private static PodEnvironment prod;
    private static Path logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        prod = new PodEnvironment(ROOT.resolve("k8s"), "overlays/prod", ProdProfileBootIT::testValue);
        postgres = LocalPostgres.startEphemeral();
        for (String deployment : prod.deployments()) {
            Map<String, String> env = prod.of(deployment);
            if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                postgres.ensureDatabase(database(env.get("QUARKUS_DATASOURCE_JDBC_URL")),
                        env.get("QUARKUS_FLYWAY_USERNAME"), env.get("QUARKUS_FLYWAY_PASSWORD"),
                        env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"));
            }
        }
        identityProvider = standInIdentityProvider();
        logs = Files.createDirectories(ROOT.resolve("deploy-checks/target/prod-boot"));
    }

    @AfterAll
    static void stop() {
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static List<String> deployments() {
        return new PodEnvironment(ROOT.resolve("k8s"), "overlays/prod", (secret, key) -> "x").deployments();
    }

    @Test
    void everyServiceAndTheWorkbenchDeploy() {
        assertEquals(List.of("case-service", "mediator-service", "scheduling-service", "notify-service", "web"),
                deployments().stream().sorted((a, b) -> order(a) - order(b)).toList());
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void startsInProdWithItsManifestsEnvironmentAndTurnsReady(String deployment) throws Exception {
        Boot boot = boot(deployment, "as-shipped", prod.of(deployment));
        if (!boot.ready()) {
            fail(boot.explanation());
        }
    }

    @Test
    void aRequiredPropertyTheManifestsDoNotSupplyFailsNamingItAndTheService() throws Exception {
        Map<String, String> env = prod.of("notify-service");
        assertTrue(env.remove("TIAOJIE_NOTIFY_LINKS_SECRET") != null);
        Boot boot = boot("notify-service", "without-links-secret", env);
        assertTrue(!boot.ready(), "notify-service started without its links' secret");
        assertTrue(boot.explanation().startsWith("notify-service does not start in prod"), boot.explanation());
        assertTrue(boot.explanation().contains("tiaojie.notify.links.secret is required"), boot.explanation());
    }

    @Test
    void aDevOnlyIdentityKeyIsRefused() throws Exception {
        Map<String, String> env = prod.of("mediator-service");
        env.put("TIAOJIE_MEDIATOR_IDENTITY_KEY", "DEV-ONLY-identity-key-not-for-production");
        Boot boot = boot("mediator-service", "dev-only-identity-key", env);
        assertTrue(!boot.ready(), "mediator-service started with the DEV-ONLY identity key");
        assertTrue(boot.explanation().contains("DEV-ONLY") && boot.explanation().contains("tiaojie.mediator.identity-key"),
                boot.explanation());
    }

    /** How a start went: ready, or why not (from the process's output). */
    record Boot(String deployment, boolean ready, String output) {
        private static final Pattern REQUIRED = Pattern.compile("SRCFG00014: The config property (\\S+) is required");
        private static final Pattern EXPANSION = Pattern.compile("SRCFG00011: Could not expand value (\\S+) in property (\\S+)");
        private static final Pattern DEV_ONLY = Pattern.compile("refuses DEV-ONLY values, found in ([^:]+)");

        String explanation() {
            List<String> reasons = new ArrayList<>();
            Matcher m = REQUIRED.matcher(output);
            while (m.find()) {
                reasons.add(m.group(1) + " is required and the prod manifests do not supply it");
            }
            m = EXPANSION.matcher(output);
            while (m.find()) {
                reasons.add(m.group(2) + " is required (from " + m.group(1) + ") and the prod manifests do not supply it");
            }
            m = DEV_ONLY.matcher(output);
            while (m.find()) {
                reasons.add("DEV-ONLY values are refused in prod: " + m.group(1));
            }
            String tail = output.lines().skip(Math.max(0, output.lines().count() - 40)).reduce("", (a, b) -> a + "\n  " + b);
            return deployment + " does not start in prod with the environment of its prod manifests: "
                    + (reasons.isEmpty() ? "see its output" : String.join("; ", reasons.stream().distinct().toList()))
                    + "\nlast lines of its output:" + tail;
        }
    }

    private Boot boot(String deployment, String run, Map<String, String> manifestEnv) throws Exception {
        Path app = ROOT.resolve(deployment).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(app), app + " is missing: package first (./mvnw package -DskipTests)");
        int port = FreePorts.next();
        Map<String, String> env = new LinkedHashMap<>();
        manifestEnv.forEach((name, value) -> env.put(name, value.replace(IDENTITY_PROVIDER,
                "http://127.0.0.1:" + identityProvider.getAddress().getPort())));
        env.computeIfPresent("QUARKUS_DATASOURCE_JDBC_URL", (name, url) -> postgres.jdbcUrl(database(url)));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Path log = logs.resolve(deployment + "-" + run + ".log");
        Path work = Files.createTempDirectory(logs, deployment);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small heaps: the machine is small; nothing else is set, the profile is the packaged default (prod)
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", app.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            boolean ready = awaitReady(process, port);
            return new Boot(deployment, ready, Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private boolean awaitReady(Process process, int port) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** A fresh test value for a Secret template's placeholder, in the form the key needs. */
    static String testValue(String secret, String key) {
        return switch (key) {
            case "TIAOJIE_PRIVACY_ENCRYPTION_KEYS" -> "k1:" + random();
            case "TIAOJIE_PRIVACY_ACTIVE_KEY_ID" -> "k1";
            default -> random();
        };
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String database(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    private static int order(String deployment) {
        return List.of("case-service", "mediator-service", "scheduling-service", "notify-service", "web").indexOf(deployment);
    }

    /** The identity provider's discovery document and keys (JWKS) of a key made for this run, on loopback. */
    private static HttpServer standInIdentityProvider() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"prod-check\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/tiaojie";
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/.well-known/openid-configuration")
                    ? "{\"issuer\":\"https://sso.tiaojie.example/realms/tiaojie\",\"authorization_endpoint\":\"" + base
                            + "/protocol/openid-connect/auth\",\"token_endpoint\":\"" + base
                            + "/protocol/openid-connect/token\",\"jwks_uri\":\"" + base
                            + "/protocol/openid-connect/certs\",\"end_session_endpoint\":\"" + base
                            + "/protocol/openid-connect/logout\"}"
                    : path.endsWith("/certs") ? jwks : null;
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
