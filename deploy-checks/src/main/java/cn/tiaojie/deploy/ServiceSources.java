package cn.tiaojie.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the modules' own sources say about their wiring: gRPC peers and REST clients (application.properties) and
 * the REST paths they serve.
 */
final class ServiceSources {

    /** The services: each with its own database, serving REST and gRPC on its HTTP port. */
    static final List<String> SERVICES = List.of("case-service", "mediator-service", "scheduling-service", "notify-service");
    /** The workbench: no database, no gRPC; its pages call the services' REST APIs. */
    static final String WEB = "web";
    /** Every module that becomes a Deployment, so has a generated manifest. */
    static final List<String> APPLICATIONS = Stream.concat(SERVICES.stream(), Stream.of(WEB)).toList();

    private static final Pattern CLIENT_HOST = Pattern.compile("quarkus\\.grpc\\.clients\\.([a-z0-9-]+)\\.host");
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"(/[^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern METHOD_PATH = Pattern.compile("^\\s+@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern HTTP_METHOD = Pattern.compile("^\\s+@(GET|POST|PUT|DELETE|PATCH)\\b", Pattern.MULTILINE);
    private static final Pattern REST_CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.([a-z0-9-]+)\\.url");

    private ServiceSources() {
    }

    static Properties properties(Path root, String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The other services this one calls over gRPC, with the port its config dials: {@code mediator-service → 8082}. */
    static Map<String, Integer> grpcPeers(Path root, String service) {
        Properties properties = properties(root, service);
        Map<String, Integer> peers = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = CLIENT_HOST.matcher(key);
            if (m.matches()) {
                String peer = m.group(1) + "-service";
                if (!peer.equals(service)) {
                    String port = properties.getProperty("quarkus.grpc.clients." + m.group(1) + ".port", "0");
                    peers.put(peer, Integer.parseInt(port.trim()));
                }
            }
        }
        return peers;
    }

    /** The services this module calls over REST, by their client's name: {@code case-service}, … */
    static SortedSet<String> restClients(Path root, String module) {
        SortedSet<String> clients = new TreeSet<>();
        for (String key : properties(root, module).stringPropertyNames()) {
            Matcher m = REST_CLIENT_URL.matcher(key);
            if (m.matches()) {
                clients.add(m.group(1));
            }
        }
        return clients;
    }

    /**
     * The REST paths the module serves (class path + method path), a path parameter replaced by a sample value so
     * that routing rules can be tried on it: {@code /api/cases/{id}/file} → {@code /api/cases/p1/file}.
     */
    static SortedSet<String> restPaths(Path root, String service) {
        SortedSet<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher classPath = CLASS_PATH.matcher(source);
                // a REST client's interface names paths of the service it calls, not of this module
                if (!classPath.find() || source.contains("@RegisterRestClient")) {
                    continue;
                }
                String base = classPath.group(1);
                Matcher methodPath = METHOD_PATH.matcher(source);
                int methodPaths = 0;
                while (methodPath.find()) {
                    methodPaths++;
                    paths.add(sample(base + (methodPath.group(1).startsWith("/") ? "" : "/") + methodPath.group(1)));
                }
                // the class path itself is served when some resource method has no @Path of its own
                if (HTTP_METHOD.matcher(source).results().count() > methodPaths) {
                    paths.add(sample(base));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private static String sample(String path) {
        String sample = path.replaceAll("\\{[^}]*}", "p1").replaceAll("/{2,}", "/").replaceAll("/+$", "");
        return sample.isEmpty() ? "/" : sample;
    }
}
