package cn.tiaojie.launcher;

import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalBackups;
import cn.tiaojie.local.LocalPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The local command line: {@code up}, {@code down}, {@code status}, {@code token}, {@code outbox}, {@code backup}, {@code restore}. */
public final class Tiaojie {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Tiaojie() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "up" -> up(root);
            case "down" -> down(root);
            case "status" -> status();
            case "token" -> token(rest);
            case "outbox" -> SentMessages.print(root, rest.contains("--json"), OUT);
            case "backup" -> backup(Suite.Options.local(root), rest);
            case "restore" -> restore(Suite.Options.local(root), rest);
            default -> help();
        };
        System.exit(exit);
    }

    static int up(Path root) throws InterruptedException {
        Suite.Options options = Suite.Options.local(root);
        Path pidFile = options.stateDirectory().resolve("suite.pid");
        Optional<ProcessHandle> running = runningSuite(pidFile);
        if (running.isPresent()) {
            OUT.println("The suite is already running (pid " + running.get().pid() + "); ./tiaojie down stops it.");
            return 1;
        }
        OUT.println("Starting PostgreSQL (data in " + root.relativize(options.dataDirectory())
                + "), the four services and the workbench…");
        Suite suite = Suite.start(options, Duration.ofMinutes(3));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            OUT.println("\nStopping the services and PostgreSQL…");
            suite.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is recognised as stale on the next up
            }
            OUT.println("Stopped.");
            stopped.countDown();
        }, "tiaojie-shutdown"));
        try {
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            OUT.println("warning: could not write " + pidFile + ": " + e.getMessage());
        }
        banner(suite);
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            List<String> exited = suite.exited();
            if (!exited.isEmpty() && !stopping.get()) {
                OUT.println(exited + " stopped unexpectedly; see .tiaojie/logs/. Shutting down.");
                System.exit(1);
            }
        }
        return 0;
    }

    static int down(Path root) throws InterruptedException {
        Path pidFile = Suite.Options.local(root).stateDirectory().resolve("suite.pid");
        Optional<ProcessHandle> running = runningSuite(pidFile);
        if (running.isEmpty()) {
            OUT.println("The suite is not running.");
            return 0;
        }
        ProcessHandle suite = running.get();
        suite.destroy();
        for (int i = 0; i < 600 && suite.isAlive(); i++) {
            Thread.sleep(100);
        }
        OUT.println(suite.isAlive() ? "The suite did not stop within a minute (pid " + suite.pid() + ")." : "Stopped.");
        return suite.isAlive() ? 1 : 0;
    }

    static int status() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(Workbench.MODULE, Workbench.DEFAULT_PORT);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s.module, s.defaultPort);
        }
        boolean allUp = true;
        for (Map.Entry<String, Integer> module : ports.entrySet()) {
            String state;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + module.getValue() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                state = response.statusCode() == 200 ? "UP" : "DOWN (" + response.statusCode() + ")";
            } catch (IOException | InterruptedException e) {
                state = "not running";
            }
            allUp &= state.equals("UP");
            OUT.printf("%-19s http://localhost:%d  %s%n", module.getKey(), module.getValue(), state);
        }
        return allUp ? 0 : 1;
    }

    /** {@code token ROLE [--sub ID] [--center C] [--area A] [--case ID] [--party ID]} */
    static int token(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            OUT.println("usage: ./tiaojie token staff|supervisor|mediator|resident|admin|service "
                    + "[--sub ID] [--center C] [--area A] [--case ID] [--party ID]");
            return 2;
        }
        String role = args.get(0);
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                OUT.println("expected --name value pairs after the role, got " + args.get(i));
                return 2;
            }
            flags.put(args.get(i).substring(2), args.get(i + 1));
        }
        Map<String, String> claims = new LinkedHashMap<>();
        String subject = flags.getOrDefault("sub", switch (role) {
            case "staff" -> "staff-qx";
            case "supervisor" -> "supervisor-qx";
            case "mediator" -> "M001";
            case "resident" -> "resident-1";
            case "service" -> "tiaojie-service";
            default -> "admin";
        });
        switch (role) {
            case "staff" -> claims.put("center", flags.getOrDefault("center", "QX-COUNTY"));
            case "supervisor" -> claims.put("area", flags.getOrDefault("area", "330999"));
            case "mediator" -> claims.put("mediatorId", subject);
            case "resident" -> {
                if (!flags.containsKey("case") || !flags.containsKey("party")) {
                    OUT.println("a resident token needs --case CASE_ID --party PARTY_ID");
                    return 2;
                }
            }
            case "admin", "service" -> {
            }
            default -> {
                OUT.println("unknown role " + role);
                return 2;
            }
        }
        mapFlag(flags, "center", claims, "center");
        mapFlag(flags, "area", claims, "area");
        mapFlag(flags, "case", claims, "caseId");
        mapFlag(flags, "party", claims, "partyId");
        OUT.println(DevTokens.token(role, subject, claims));
        return 0;
    }

    private static void mapFlag(Map<String, String> flags, String flag, Map<String, String> claims, String claim) {
        if (flags.containsKey(flag)) {
            claims.put(claim, flags.get(flag));
        }
    }

    /** An online backup of every database, taken whether the suite runs or not. */
    static int backup(Suite.Options options, List<String> args) throws IOException {
        if (!Files.exists(options.dataDirectory().resolve("PG_VERSION"))) {
            OUT.println("There is no local data to back up yet (./tiaojie up creates it).");
            return 1;
        }
        Path zip = args.isEmpty()
                ? options.stateDirectory().resolve("backups").resolve("tiaojie-" + java.time.LocalDateTime.now()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip")
                : Path.of(args.getFirst()).toAbsolutePath();
        Files.createDirectories(zip.getParent());
        if (runningSuite(options.stateDirectory().resolve("suite.pid")).isPresent()) {
            try (java.sql.Connection superuser = LocalPostgres.superuser(options.postgresPort())) {
                LocalBackups.backup(superuser, options.dataDirectory(), zip);
            } catch (java.sql.SQLException e) {
                OUT.println("Could not back up the running suite's PostgreSQL: " + e.getMessage());
                return 1;
            }
        } else {
            try (LocalPostgres postgres = LocalPostgres.start(options.dataDirectory(), options.postgresPort())) {
                postgres.backupTo(zip);
            }
        }
        OUT.println("Backed up every database to " + zip + " (" + Files.size(zip) / 1024 + " KiB).");
        return 0;
    }

    /** Puts a backup in place of the local data; the data it replaces is kept beside it. */
    static int restore(Suite.Options options, List<String> args) throws IOException {
        if (args.isEmpty()) {
            OUT.println("usage: ./tiaojie restore FILE (a zip written by ./tiaojie backup)");
            return 1;
        }
        if (runningSuite(options.stateDirectory().resolve("suite.pid")).isPresent()) {
            OUT.println("The suite is running: ./tiaojie down first.");
            return 1;
        }
        Path zip = Path.of(args.getFirst()).toAbsolutePath();
        if (!Files.isRegularFile(zip)) {
            OUT.println("No such backup: " + zip);
            return 1;
        }
        Path data = options.dataDirectory();
        Path incoming = data.resolveSibling(data.getFileName() + ".restoring");
        deleteTree(incoming);
        LocalBackups.restore(zip, incoming);
        Path kept = null;
        if (Files.exists(data)) {
            kept = data.resolveSibling(data.getFileName() + ".before-restore-" + System.currentTimeMillis());
            Files.move(data, kept);
        }
        Files.move(incoming, data);
        OUT.println("Restored " + zip + "; ./tiaojie up starts the suite on it."
                + (kept == null ? "" : " The data it replaced is in " + options.root().relativize(kept) + "."));
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Optional<ProcessHandle> runningSuite(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("tiaojie-launcher")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void banner(Suite suite) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Tiaojie is running. Ctrl-C (or ./tiaojie down in another terminal) stops it.");
        lines.add("");
        suite.workbenchStarted().ifPresent(web -> {
            lines.add("调解工作台 " + web.url() + " — sign in as one of the demo users listed on the page (DEV-ONLY)");
            lines.add("");
            lines.add("  %-19s %s   ready after %d ms, %d MB RSS".formatted(
                    Workbench.MODULE, web.url(), web.readyMillis(), web.rssKiB() / 1024));
        });
        for (Suite.Started s : suite.started()) {
            lines.add("  %-19s %s   swagger: %s/q/swagger-ui   ready after %d ms, %d MB RSS".formatted(
                    s.service().module, suite.url(s.service()), suite.url(s.service()), s.readyMillis(), s.rssKiB() / 1024));
        }
        lines.add("  PostgreSQL          localhost:" + suite.postgresPort() + " (data in .tiaojie/pgdata, logs in .tiaojie/logs)");
        lines.add("  SMTP (GreenMail)    127.0.0.1:" + suite.channels().smtpPort() + "   SMS gateway " + suite.channels().sms().baseUrl()
                + "   what they received: ./tiaojie outbox [--json]");
        lines.add("");
        lines.add("Tokens for the REST APIs (DEV-ONLY key): ./tiaojie token staff | supervisor | admin | mediator --sub M001 | resident --case ID --party ID");
        lines.add("");
        lines.add("Register a dispute and file it:");
        lines.add("  STAFF=$(./tiaojie token staff)");
        lines.add("  curl -s -H \"Authorization: Bearer $STAFF\" -H 'Content-Type: application/json' localhost:8081/api/cases -d '{");
        lines.add("    \"channel\":\"WALK_IN\",\"subcategory\":\"LABOUR.WAGE_ARREARS\",\"areaCode\":\"330999102003\",\"summary\":\"拖欠三个月工资\",");
        lines.add("    \"parties\":[{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"张三\",\"phone\":\"13812345678\"},");
        lines.add("                {\"role\":\"RESPONDENT\",\"kind\":\"ORGANIZATION\",\"name\":\"青溪建工有限公司\"}]}'");
        lines.add("  curl -s -X POST -H \"Authorization: Bearer $STAFF\" localhost:8081/api/cases/CASE_ID/file");
        lines.add("Then see the README (Quick start) for the mediators' accepts and the hearing.");
        lines.forEach(OUT::println);
    }

    static int help() {
        OUT.println("""
                usage: ./tiaojie COMMAND
                  up       build what is missing, start PostgreSQL, the four services and the workbench (Ctrl-C stops)
                  down     stop a suite started by up
                  status   readiness of the workbench and the four services
                  token    ROLE [--sub ID] [--center C] [--area A] [--case ID] [--party ID]: a DEV-ONLY token
                  outbox   [--json] the SMS and e-mails the local gateway and SMTP server received
                  backup   [FILE] every database into a zip (default .tiaojie/backups/), running or not
                  restore  FILE   put a backup in place of the local data (the suite stopped; the old data is kept)
                """);
        return 0;
    }
}
