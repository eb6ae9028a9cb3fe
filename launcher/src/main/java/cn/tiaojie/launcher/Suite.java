package cn.tiaojie.launcher;

import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalChannels;
import cn.tiaojie.local.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole suite on one machine: an embedded PostgreSQL with one database per service, each service as its own
 * JVM process running its packaged application, and, when asked for, the workbench after them. Used by
 * {@code ./tiaojie up} and by the end-to-end tests.
 */
public final class Suite implements AutoCloseable {

    /** Small heaps and serial GC: five JVMs and a database share a small machine. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xms24m", "-Xmx160m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    /**
     * @param root the checkout, where each service's target/quarkus-app lives
     * @param stateDirectory where logs, the dev public key and class-data archives go
     * @param dataDirectory the database's data, kept across runs; null for a throw-away database
     * @param postgresPort 0 for any free port
     * @param ports each service's HTTP (and gRPC) port
     * @param jvmOptions the services' JVM options: {@link #JVM_OPTIONS} unless a bench wants the server JIT
     * @param workbenchPort the workbench's HTTP port, or empty to run the services only (as the tests do)
     */
    public record Options(Path root, Path stateDirectory, Path dataDirectory, int postgresPort,
            Map<SuiteService, Integer> ports, List<String> jvmOptions, OptionalInt workbenchPort) {

        public Options(Path root, Path stateDirectory, Path dataDirectory, int postgresPort,
                Map<SuiteService, Integer> ports, List<String> jvmOptions) {
            this(root, stateDirectory, dataDirectory, postgresPort, ports, jvmOptions, OptionalInt.empty());
        }

        public Options(Path root, Path stateDirectory, Path dataDirectory, int postgresPort,
                Map<SuiteService, Integer> ports) {
            this(root, stateDirectory, dataDirectory, postgresPort, ports, JVM_OPTIONS);
        }

        /** The same suite with the workbench started after the services, on this port. */
        public Options withWorkbench(int port) {
            return new Options(root, stateDirectory, dataDirectory, postgresPort, ports, jvmOptions, OptionalInt.of(port));
        }

        /** What {@code ./tiaojie up} runs: every service and the workbench on their default ports. */
        public static Options local(Path root) {
            Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
            for (SuiteService s : SuiteService.values()) {
                ports.put(s, s.defaultPort);
            }
            Path state = root.resolve(".tiaojie");
            return new Options(root, state, state.resolve("pgdata"), 54329, ports).withWorkbench(Workbench.DEFAULT_PORT);
        }
    }

    /** How a service came up: milliseconds from its process start to ready, and its resident memory then. */
    public record Started(SuiteService service, long pid, long readyMillis, long rssKiB) {
    }

    /** How the workbench came up, measured as the services are. */
    public record WorkbenchStarted(URI url, long pid, long readyMillis, long rssKiB) {
    }

    private final Options options;
    private LocalPostgres postgres;
    /** kept across a stop and start of the database, so the services' URLs stay right */
    private final int postgresPort;
    private Path publicKey;
    private LocalChannels channels;
    /** every process the suite started, by module, in the order they started */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<Started> started = new ArrayList<>();
    private WorkbenchStarted workbenchStarted;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Suite(Options options, LocalPostgres postgres) {
        this.options = options;
        this.postgres = postgres;
        this.postgresPort = postgres.port();
    }

    public static Suite start(Options options, Duration readyTimeout) {
        List<String> modules = new ArrayList<>(Stream.of(SuiteService.values()).map(s -> s.module).toList());
        options.workbenchPort().ifPresent(port -> modules.add(Workbench.MODULE));
        for (String module : modules) {
            Path app = application(options.root(), module);
            if (!Files.isRegularFile(app)) {
                throw new IllegalStateException(app + " is missing: build first (./mvnw -DskipTests package)");
            }
        }
        try {
            Files.createDirectories(options.stateDirectory().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPostgres postgres = LocalPostgres.start(options.dataDirectory(), options.postgresPort());
        Suite suite = new Suite(options, postgres);
        try {
            for (SuiteService s : SuiteService.values()) {
                // a data directory from before the owner role existed is handed over to it here, as the superuser
                postgres.ensureDatabase(s.database(), s.owner(), s.ownerDevPassword(), s.user(), s.devPassword());
            }
            Path publicKey = options.stateDirectory().resolve("DEV-ONLY-jwt-public.pem");
            Files.writeString(publicKey, DevTokens.publicKeyPem());
            suite.publicKey = publicKey;
            // the services sign their service tokens, and the workbench its demo users' tokens, with the DEV-ONLY key
            Files.writeString(suite.devSigningKey(), DevTokens.privateKeyPem());
            suite.channels = LocalChannels.start();
            Files.writeString(options.stateDirectory().resolve("outbox.url"), suite.channels.outboxUrl());
            // one after another: each start is measured on its own, and they do not fight for the cores
            for (SuiteService s : SuiteService.values()) {
                suite.started.add(suite.startService(s, readyTimeout));
            }
            if (options.workbenchPort().isPresent()) {
                // last: its pages call the services, which are ready by now
                long launched = System.nanoTime();
                URI url = suite.workbenchUrl().orElseThrow();
                Process process = suite.launch(Workbench.MODULE, options.workbenchPort().getAsInt(),
                        Workbench.localProperties(suite.serviceUrls(), suite.devSigningKey()));
                long readyMillis = suite.awaitReady(Workbench.MODULE, url, launched, readyTimeout);
                suite.workbenchStarted = new WorkbenchStarted(url, process.pid(), readyMillis, rssKiB(process.pid()));
            }
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public URI url(SuiteService service) {
        return URI.create("http://localhost:" + options.ports().get(service));
    }

    /** The workbench's address, when the options start it. */
    public Optional<URI> workbenchUrl() {
        return options.workbenchPort().isPresent()
                ? Optional.of(URI.create("http://localhost:" + options.workbenchPort().getAsInt()))
                : Optional.empty();
    }

    /** The local SMTP server and SMS gateway that notify-service sends through. */
    public LocalChannels channels() {
        return channels;
    }

    public int postgresPort() {
        return postgresPort;
    }

    /** How the services came up, in the order they started. */
    public List<Started> started() {
        return List.copyOf(started);
    }

    /** How the workbench came up, when the options start it. */
    public Optional<WorkbenchStarted> workbenchStarted() {
        return Optional.ofNullable(workbenchStarted);
    }

    public Path logFile(SuiteService service) {
        return logFile(service.module);
    }

    private Path logFile(String module) {
        return options.stateDirectory().resolve("logs").resolve(module + ".log");
    }

    /** The modules whose process has ended (a crash while the suite runs). */
    public List<String> exited() {
        return processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    private Path devSigningKey() {
        return options.stateDirectory().resolve("DEV-ONLY-jwt-private.pem");
    }

    private Map<SuiteService, URI> serviceUrls() {
        Map<SuiteService, URI> urls = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            urls.put(s, url(s));
        }
        return urls;
    }

    /** Starts a packaged application in the local profile, its output appended to its log file. */
    private Process launch(String module, int port, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        if (options.jvmOptions().equals(JVM_OPTIONS)) {
            // part of the quick-start options: a class-data archive made on the first start makes later starts
            // faster (and, while it is written, keeps flight recordings off, which benches with their own options use)
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + options.stateDirectory().resolve("cds").resolve(module + ".jsa"));
        }
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(properties);
        command.add("-jar");
        command.add(application(options.root(), module).toString());
        Files.createDirectories(options.stateDirectory().resolve("cds"));
        Process process = new ProcessBuilder(command)
                .directory(options.root().resolve(module).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(module).toFile()))
                .start();
        processes.put(module, process);
        return process;
    }

    private List<String> serviceProperties(SuiteService service, Path publicKey) {
        List<String> command = new ArrayList<>();
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()));
        command.add("-Dquarkus.datasource.username=" + service.user());
        command.add("-Dquarkus.datasource.password=" + service.devPassword());
        command.add("-Dquarkus.flyway.username=" + service.owner());
        command.add("-Dquarkus.flyway.password=" + service.ownerDevPassword());
        command.add("-Dmp.jwt.verify.publickey.location=" + publicKey.toUri());
        command.add("-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER);
        command.add("-Dtiaojie.service-token.signing-key-location=" + devSigningKey().toUri());
        for (SuiteService other : SuiteService.values()) {
            command.add("-Dquarkus.grpc.clients." + other.clientName + ".host=localhost");
            command.add("-Dquarkus.grpc.clients." + other.clientName + ".port=" + options.ports().get(other));
        }
        if (service == SuiteService.NOTIFY) {
            command.addAll(channels.notifySystemProperties());
            command.add("-Dtiaojie.notify.links.base-url=" + url(service));
            // an offer notice links to the offer's page on the workbench
            workbenchUrl().ifPresent(url -> command.add("-Dtiaojie.notify.links.mediator-workbench-url=" + url));
        }
        return command;
    }

    /** Waits until the module answers ready; returns the milliseconds from its launch. */
    private long awaitReady(String module, URI url, long beginNanos, Duration timeout) {
        Process process = processes.get(module);
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue()
                        + "; see " + logFile(module));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
            sleep(100);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + logFile(module));
    }

    /** Ends a service's process at once (SIGKILL), as a crash or an evicted pod would: it finishes nothing. */
    public void kill(SuiteService service) {
        Process process = processes.get(service.module);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a service again after {@link #kill}, on its port; returns when it is ready. */
    public Started relaunch(SuiteService service, Duration readyTimeout) {
        if (processes.get(service.module).isAlive()) {
            throw new IllegalStateException(service.module + " is still running");
        }
        try {
            return startService(service, readyTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches a service on its port and waits until it is ready, measuring how long that took. */
    private Started startService(SuiteService service, Duration readyTimeout) throws IOException {
        long launched = System.nanoTime();
        Process process = launch(service.module, options.ports().get(service), serviceProperties(service, publicKey));
        long readyMillis = awaitReady(service.module, url(service), launched, readyTimeout);
        return new Started(service, process.pid(), readyMillis, rssKiB(process.pid()));
    }

    /** Stops the database under the running services (a fast shutdown: their connections break). */
    public void stopDatabase() {
        if (options.dataDirectory() == null) {
            throw new IllegalStateException("a throw-away database cannot be started again: give the suite a data directory");
        }
        postgres.close();
    }

    /** Starts the database again on its data directory and port, after {@link #stopDatabase()}. */
    public void startDatabase() {
        postgres = LocalPostgres.start(options.dataDirectory(), postgresPort);
    }

    /** Resident set size from /proc, or -1 where there is no /proc. */
    public static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static Path application(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Stops the workbench and the services (SIGTERM, so they finish what they are doing), then the database. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (channels != null) {
            channels.close();
        }
        postgres.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
