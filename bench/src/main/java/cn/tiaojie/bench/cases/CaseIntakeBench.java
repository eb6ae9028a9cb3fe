package cn.tiaojie.bench.cases;

import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.intake.IntakeStatements;
import cn.tiaojie.local.FreePorts;
import cn.tiaojie.bench.KeepAliveHttp;
import cn.tiaojie.bench.ParallelRequests;
import cn.tiaojie.bench.ParallelRequests.Result;
import cn.tiaojie.bench.ProcessCpu;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /api/cases against the packaged case-service on an embedded PostgreSQL (durable commits), and in the same
 * run the SQL statements one intake commits, sent by a plain JDBC loop with the same concurrency. Prints
 * throughput, p50 and p99 of both and the ratio service ÷ raw SQL.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.cases.CaseIntakeBench
 *     [-Dbench.threads=8 -Dbench.requests=3000 -Dbench.warmup=2000 -Dbench.serviceJvmArgs="..."]</pre>
 * Needs case-service packaged first (./mvnw -q -pl case-service package -DskipTests). Loopback only, bounded.
 */
public final class CaseIntakeBench {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int REQUESTS = Integer.getInteger("bench.requests", 3000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 2000);
    static final String DATABASE = "case_db";
    static final String USER = "case_svc";
    static final String PASSWORD = "bench-only-case";

    private static final AtomicInteger PARTY_SEQUENCE = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        Path app = root.resolve("case-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: ./mvnw -q -pl case-service package -DskipTests");
        }
        Path work = Files.createTempDirectory("case-intake-bench");
        System.out.printf("case intake bench: %d threads, %d requests (after %d warm-up), %d cores%n", THREADS, REQUESTS,
                WARMUP, Runtime.getRuntime().availableProcessors());
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pgdata"), 0)) {
            postgres.ensureDatabase(DATABASE, USER, PASSWORD);
            Process service = startService(app, work, postgres);
            try {
                int port = awaitReady(service);
                String token = DevTokens.forRole("staff").subject("bench-staff").claim("center", "QX-COUNTY").sign();
                ServiceIntakes serviceIntake = new ServiceIntakes(port, token);
                String jdbcUrl = postgres.jdbcUrl(DATABASE);

                run("warm-up service", WARMUP, serviceIntake);
                run("warm-up raw SQL", WARMUP, rawIntake(jdbcUrl));
                long cpuBefore = cpuMillis(service.pid());
                long benchCpuBefore = cpuMillis(ProcessHandle.current().pid());
                Result service1 = run("POST /api/cases (service)", REQUESTS, serviceIntake);
                System.out.printf("  case-service CPU %.2f ms per intake; the bench's own CPU %.2f ms per intake%n",
                        (cpuMillis(service.pid()) - cpuBefore) / (double) REQUESTS,
                        (cpuMillis(ProcessHandle.current().pid()) - benchCpuBefore) / (double) REQUESTS);
                benchCpuBefore = cpuMillis(ProcessHandle.current().pid());
                Result raw1 = run("same SQL, plain JDBC", REQUESTS, rawIntake(jdbcUrl));
                System.out.printf("  the bench's own CPU %.2f ms per intake%n",
                        (cpuMillis(ProcessHandle.current().pid()) - benchCpuBefore) / (double) REQUESTS);
                Result service2 = run("POST /api/cases (service, again)", REQUESTS, serviceIntake);
                Result raw2 = run("same SQL, plain JDBC (again)", REQUESTS, rawIntake(jdbcUrl));
                double serviceRate = (service1.perSecond() + service2.perSecond()) / 2;
                double rawRate = (raw1.perSecond() + raw2.perSecond()) / 2;
                System.out.printf("%nthroughput ratio service ÷ raw SQL = %.2f (%.1f/s ÷ %.1f/s, mean of two rounds; goal ≥ 0.5)%n",
                        serviceRate / rawRate, serviceRate, rawRate);
            } finally {
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    /** One intake on one bench thread's own connection. */
    interface Intake extends ParallelRequests.Request {
    }

    /** Runs {@code total} intakes on THREADS threads and prints the figures. */
    static Result run(String label, int total, Intake intakeFactory) throws InterruptedException {
        return run(label, total, () -> intakeFactory);
    }

    static Result run(String label, int total, java.util.function.Supplier<Intake> perThread) throws InterruptedException {
        return ParallelRequests.run(label, THREADS, total, perThread::get);
    }

    static Result run(String label, int total, RawIntakes raw) throws InterruptedException {
        return run(label, total, raw::newConnectionIntake);
    }

    // ---- the service

    static Result run(String label, int total, ServiceIntakes service) throws InterruptedException {
        return run(label, total, service::newConnectionIntake);
    }

    /** POST /api/cases as staff, each bench thread on its own keep-alive connection, as a front end's would be. */
    record ServiceIntakes(int port, String token) {

        Intake newConnectionIntake() {
            KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port);
            return () -> {
                KeepAliveHttp.Response response = http.postJson("/api/cases", body(), "Authorization: Bearer " + token,
                        "Idempotency-Key: " + UUID.randomUUID());
                if (response.status() != 201) {
                    throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
                }
            };
        }
    }

    /** A wage-arrears dispute of a new applicant every time: never a duplicate. */
    static String body() {
        int n = PARTY_SEQUENCE.incrementAndGet();
        return """
                {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"330999102003",
                 "summary":"拖欠三个月工资","description":"工地欠薪","amountInDispute":18600.00,"riskFlags":[],
                 "parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"申请人%d","phone":"139%08d","idNumber":"%s","preferredChannels":["SMS"]},
                   {"role":"RESPONDENT","kind":"ORGANIZATION","name":"青溪建工有限公司","phone":"0571-88886666"}]}
                """.formatted(n, n, idNumber(n));
    }

    static String idNumber(int n) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String body = "330999" + (19500101 + (n / 1000) % 40 * 10000) + "%03d".formatted(n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static Process startService(Path app, Path work, LocalPostgres postgres) throws IOException {
        Path publicKey = work.resolve("DEV-ONLY-jwt-public.pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8"));
        // extra options for the service's JVM, e.g. a flight recording: -Dbench.serviceJvmArgs="-XX:StartFlightRecording=..."
        String extra = System.getProperty("bench.serviceJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(DATABASE),
                "-Dquarkus.datasource.username=" + USER,
                "-Dquarkus.datasource.password=" + PASSWORD,
                "-Dquarkus.datasource.jdbc.max-size=" + Math.max(THREADS, 8),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-Dquarkus.log.level=WARN",
                "-jar", app.toString()));
        Path log = work.resolve("case-service.log");
        System.out.println("case-service on 127.0.0.1:" + port + ", log " + log);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        portOf.put(process, port);
        return process;
    }

    private static final java.util.Map<Process, Integer> portOf = new java.util.concurrent.ConcurrentHashMap<>();

    static int awaitReady(Process process) throws InterruptedException {
        int port = portOf.get(process);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("case-service exited with " + process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("case-service was not ready within 3 minutes");
    }

    static long cpuMillis(long pid) {
        return ProcessCpu.millis(pid);
    }

    // ---- the same statements, by hand

    static RawIntakes rawIntake(String jdbcUrl) {
        return new RawIntakes(jdbcUrl);
    }

    /**
     * The statements case-service runs for one intake, in its order, in one transaction: the center, the
     * idempotency key, the duplicate lock and lookup, the case number, the case, its two parties, the timeline
     * event and the audit record (whose trigger extends the chain) — the same texts with the same parameters. Values that the service computes (sealed
     * personal data, hashes, digests) are computed here too, so the database stores the same sizes.
     */
    public static final class RawIntakes {

        private final String jdbcUrl;

        RawIntakes(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        Intake newConnectionIntake() {
            try {
                Connection c = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
                c.setAutoCommit(false);
                return () -> once(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        // case-service's own statements (its sql/intake and sql/audit resources), so the loop sends its texts
        static final String CENTER = IntakeStatements.CENTER;
        static final String CLAIM_KEY = IntakeStatements.CLAIM_KEY;
        static final String DUPLICATE_LOCK = IntakeStatements.DUPLICATE_LOCK;
        static final String EARLIER_DISPUTE = IntakeStatements.EARLIER_DISPUTE;
        static final String NEXT_CASE_NUMBER = IntakeStatements.NEXT_CASE_NUMBER;
        public static final String INSERT_CASE = IntakeStatements.INSERT_CASE;
        static final String INSERT_PARTY = IntakeStatements.INSERT_PARTY;
        static final String INSERT_EVENT = IntakeStatements.INSERT_EVENT;
        static final String INSERT_AUDIT = AuditTrail.INSERT;

        private static void once(Connection c) throws SQLException {
            UUID caseId = UUID.randomUUID();
            Instant now = Instant.now();
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            String partiesHash = sha256("parties" + caseId);
            try {
                try (PreparedStatement s = c.prepareStatement(CENTER)) {
                    s.setString(1, "QX-COUNTY");
                    s.executeQuery().close();
                }
                try (PreparedStatement s = c.prepareStatement(CLAIM_KEY)) {
                    s.setString(1, "bench-raw");
                    s.setString(2, UUID.randomUUID().toString());
                    s.setString(3, sha256("request" + caseId));
                    s.setObject(4, caseId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(DUPLICATE_LOCK)) {
                    s.setString(1, "LABOUR.WAGE_ARREARS|" + partiesHash);
                    s.executeQuery().close();
                }
                try (PreparedStatement s = c.prepareStatement(EARLIER_DISPUTE)) {
                    s.setString(1, partiesHash);
                    s.setString(2, "LABOUR.WAGE_ARREARS");
                    s.setObject(3, now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
                    s.setString(4, "WITHDRAWN");
                    s.executeQuery().close();
                }
                long number;
                try (PreparedStatement s = c.prepareStatement(NEXT_CASE_NUMBER); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    number = rs.getLong(1);
                }
                try (PreparedStatement s = c.prepareStatement(INSERT_CASE)) {
                    s.setObject(1, caseId);
                    s.setString(2, "TJR%010d".formatted(number));
                    s.setString(3, "QX-COUNTY");
                    s.setString(4, "RECEIVED");
                    s.setString(5, "WALK_IN");
                    s.setString(6, "LABOUR.WAGE_ARREARS");
                    s.setString(7, "330999102003");
                    s.setString(8, "TOWNSHIP");
                    s.setString(9, "拖欠三个月工资");
                    s.setString(10, "工地欠薪");
                    s.setBigDecimal(11, new BigDecimal("18600.00"));
                    s.setString(12, "");
                    s.setString(13, null);
                    s.setString(14, null);
                    s.setBoolean(15, false);
                    s.setObject(16, now.plus(Duration.ofDays(15)).atOffset(ZoneOffset.UTC));
                    s.setString(17, "bench-raw");
                    s.setObject(18, at);
                    s.setObject(19, at);
                    s.setLong(20, 0);
                    s.setString(21, "FILE");
                    s.setObject(22, at, Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setObject(23, now.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setString(24, "ON_TRACK");
                    s.setString(25, partiesHash);
                    s.setObject(26, null, Types.OTHER);
                    s.executeUpdate();
                }
                for (int position = 0; position < 2; position++) {
                    try (PreparedStatement s = c.prepareStatement(INSERT_PARTY)) {
                        s.setObject(1, UUID.randomUUID());
                        s.setObject(2, caseId);
                        s.setInt(3, position);
                        s.setString(4, position == 0 ? "APPLICANT" : "RESPONDENT");
                        s.setString(5, position == 0 ? "PERSON" : "ORGANIZATION");
                        s.setString(6, position == 0 ? "申请人" : "青溪建工有限公司");
                        s.setString(7, "pd1.DEV-ONLY-1." + "x".repeat(54));
                        s.setString(8, position == 0 ? "pd1.DEV-ONLY-1." + "y".repeat(62) : null);
                        s.setString(9, null);
                        s.setString(10, "zh-CN");
                        s.setString(11, position == 0 ? "SMS" : "");
                        s.setString(12, sha256("phone" + caseId + position));
                        s.setString(13, position == 0 ? sha256("id" + caseId) : null);
                        s.setString(14, "");
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
                    s.setObject(1, caseId);
                    s.setObject(2, at);
                    s.setString(3, "RECEIVED");
                    s.setString(4, "bench-raw");
                    s.setString(5, "registered from WALK_IN");
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(INSERT_AUDIT)) {
                    s.setObject(1, at);
                    s.setString(2, "bench-raw");
                    s.setString(3, "staff");
                    s.setString(4, "REGISTER");
                    s.setObject(5, caseId);
                    s.setString(6, null);
                    s.setString(7, sha256("after" + caseId));
                    s.setString(8, sha256("content" + caseId));
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
