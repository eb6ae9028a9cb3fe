package cn.tiaojie.bench.mediator;

import cn.tiaojie.bench.JitActivity;
import cn.tiaojie.bench.Latencies;
import cn.tiaojie.bench.ServiceCalls;
import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.common.v1.PartyRole;
import cn.tiaojie.contracts.mediator.v1.MediatorServiceGrpc;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.local.FreePorts;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalPostgres;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-side latency of one team request (matching plus offers, committed) against pools of 1,000, 10,000 and
 * 100,000 mediators. Starts an embedded PostgreSQL and the packaged mediator-service (build it first:
 * {@code ./mvnw -q install -pl mediator-service -DskipTests}), generates each pool with plain SQL, then sends
 * RequestTeam over gRPC on 127.0.0.1 one at a time and reads the service's own timing from the
 * {@code server-timing} trailer; the round trip seen by the caller is printed beside it.
 *
 * <p>Two layouts per size. "province": 1,000 mediators per county, as a province's counties would hold them, cases
 * spread over every county. "one county": the whole pool in one county, so every case has the whole county's share
 * of the role within reach: the worst case, where the work grows with the pool.
 *
 * <p>Before the first measurement the service answers requests against a pool of 10,000 in rounds of 1,000 until its
 * JIT has settled (a round compiles at most {@value #JIT_SETTLED} methods; at least 5,000 and at most
 * {@code bench.jvm-warmup}, 60,000, requests), so every configuration is measured on a JVM that has compiled its hot
 * paths, as a service that has been up a while has; each configuration then has its own 200 warm-up requests on its
 * fresh pool, and prints how many methods the JIT compiled while it was measured.
 *
 * <p>Each configuration also prints the CPU time one request costs the service and PostgreSQL (all its processes),
 * read from /proc: unlike latencies, it barely moves when other work loads the machine.
 *
 * <p>Options: {@code -Dbench.requests=1000} measured per configuration, {@code -Dbench.sizes=1000,10000,100000},
 * {@code -Dbench.jvm-warmup=60000}, {@code -Dbench.service-jvm-args="-XX:StartFlightRecording=..."} (extra options
 * of the service's JVM, for a profile), {@code -Dbench.statements=true} (PostgreSQL's planning and execution time per
 * request for each statement the service ran, from pg_stat_statements), {@code -Dbench.slow-plans=50} (PostgreSQL
 * logs to postgresql.log, beside the service log, the plan and row counts of every statement slower than that many
 * ms).
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.mediator.TeamRequestBench</pre>
 */
public final class TeamRequestBench {

    static final String[] ROLES = {"POLICE_OFFICER", "JUDGE", "PROSECUTOR", "LAWYER", "SOCIAL_WORKER", "COUNSELOR",
            "PEOPLE_MEDIATOR"};
    static final String[] EXPERTISE = {"LABOUR", "LABOUR.WAGE_ARREARS", "NEIGHBOUR", "MARRIAGE_FAMILY", "CONTRACT_DEBT",
            "ROAD_TRAFFIC", ""};
    static final int TOWNSHIPS = 10;
    static final int VILLAGES = 5;
    static final int WARMUP = 200;
    static final int JVM_WARMUP_ROUND = 1_000;
    static final int LEAST_JVM_WARMUP = 5_000;
    /** a round of warm-up requests that compiles no more methods than this finds the JIT settled */
    static final int JIT_SETTLED = 10;
    static final Metadata.Key<String> SERVER_TIMING = Metadata.Key.of("server-timing", Metadata.ASCII_STRING_MARSHALLER);

    private TeamRequestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath();
        Path app = root.resolve("mediator-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: ./mvnw -q install -pl mediator-service -DskipTests");
        }
        int measured = Integer.getInteger("bench.requests", 1000);
        int jvmWarmup = Integer.getInteger("bench.jvm-warmup", 60_000);
        int[] sizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        boolean statements = Boolean.getBoolean("bench.statements");
        Path state = Files.createTempDirectory("mediator-bench");
        int slowPlans = Integer.getInteger("bench.slow-plans", 0);
        Map<String, String> settings = new java.util.HashMap<>();
        List<String> libraries = new ArrayList<>();
        if (statements) {
            libraries.add("pg_stat_statements");
            settings.put("pg_stat_statements.track_planning", "on");
        }
        if (slowPlans > 0) {
            // PostgreSQL logs the plan of every statement slower than this, to postgresql.log beside the service log
            libraries.add("auto_explain");
            settings.put("auto_explain.log_min_duration", slowPlans + "ms");
            settings.put("auto_explain.log_analyze", "on");
            settings.put("auto_explain.log_timing", "off");
            settings.put("logging_collector", "on");
            settings.put("log_directory", state.toString());
            settings.put("log_filename", "postgresql.log");
            System.out.println("slow plans: " + state.resolve("postgresql.log"));
        }
        if (!libraries.isEmpty()) {
            settings.put("shared_preload_libraries", String.join(",", libraries));
        }
        try (LocalPostgres postgres = LocalPostgres.startEphemeral(settings)) {
            postgres.ensureDatabase("mediator_db", "mediator_svc", "bench");
            Path key = state.resolve("jwt-public.pem");
            Files.writeString(key, DevTokens.publicKeyPem());
            int port = FreePorts.next();
            Process service = start(app, root, state, postgres.jdbcUrl("mediator_db"), key, port);
            // an interrupted bench must not leave its service running
            Runtime.getRuntime().addShutdownHook(new Thread(service::destroyForcibly));
            System.out.println("service log: " + state.resolve("mediator-service.log"));
            try {
                awaitReady(service, port, Duration.ofMinutes(3));
                ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
                // the pool is the bench's data, not the service's: written as the embedded server's superuser, who may
                // truncate and analyze whoever owns the tables (the application's role may do neither)
                try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("mediator_db"), "postgres", "")) {
                    if (statements) {
                        try (Statement s = db.createStatement()) {
                            s.execute("create extension if not exists pg_stat_statements");
                        }
                    }
                    System.out.printf(Locale.ROOT, "RequestTeam (LABOUR.WAGE_ARREARS: a lawyer and a social worker), %d measured after %d warm-up, one at a time%n",
                            measured, WARMUP);
                    JitActivity jit = new JitActivity(service.pid());
                    if (jvmWarmup > 0) {
                        generatePool(db, 10_000, false);
                        warmUp(channel, jit, jvmWarmup);
                    }
                    for (int size : sizes) {
                        for (boolean oneCounty : new boolean[] {false, true}) {
                            generatePool(db, size, oneCounty);
                            run(channel, size, oneCounty, measured, service.pid(), postmaster(db), jit,
                                    statements ? db : null);
                        }
                    }
                } finally {
                    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            } finally {
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    /** Requests in rounds until a round finds the JIT settled, or the most allowed have been sent. */
    private static void warmUp(ManagedChannel channel, JitActivity jit, int most) {
        Random random = new Random(7);
        long compiled = jit.compiled();
        int sent = 0;
        long lastRound = -1;
        while (sent < most) {
            int round = Math.min(JVM_WARMUP_ROUND, most - sent);
            send(channel, 10, round, random);
            sent += round;
            long now = jit.compiled();
            lastRound = compiled < 0 || now < 0 ? -1 : now - compiled;
            compiled = now;
            if (sent >= LEAST_JVM_WARMUP && lastRound >= 0 && lastRound <= JIT_SETTLED) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "JVM warm-up: %,d requests; the JIT compiled %s methods in the last %,d%s%n",
                sent, lastRound < 0 ? "an unknown number of" : Long.toString(lastRound), JVM_WARMUP_ROUND,
                lastRound >= 0 && lastRound <= JIT_SETTLED ? " (settled)" : " (still compiling: figures are pessimistic)");
    }

    private static void run(ManagedChannel channel, int size, boolean oneCounty, int measured, long servicePid,
            long postmasterPid, JitActivity jit, Connection statistics) throws SQLException {
        int counties = oneCounty ? 1 : Math.max(1, size / 1000);
        Random random = new Random(size * 31L + (oneCounty ? 1 : 0));
        Latencies server = new Latencies(measured);
        Latencies roundTrip = new Latencies(measured);
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        MediatorServiceGrpc.MediatorServiceBlockingStub stub = MediatorServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(new AtomicReference<>(), trailers),
                        ServiceCalls.serviceToken());
        long began = 0;
        long serviceCpu = 0;
        long databaseCpu = 0;
        long compiledBefore = -1;
        for (int i = 0; i < WARMUP + measured; i++) {
            if (i == WARMUP) {
                if (statistics != null) {
                    try (Statement s = statistics.createStatement()) {
                        s.execute("select pg_stat_statements_reset()");
                    }
                }
                began = System.nanoTime();
                compiledBefore = jit.compiled();
                serviceCpu = cpuMillis(servicePid);
                databaseCpu = postgresCpuMillis(postmasterPid);
            }
            TeamRequest request = caseIn(random, counties);
            long start = System.nanoTime();
            stub.withDeadlineAfter(30, TimeUnit.SECONDS).requestTeam(request);
            long elapsed = System.nanoTime() - start;
            if (i >= WARMUP) {
                roundTrip.record(elapsed);
                server.record(serverNanos(trailers.get()));
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        serviceCpu = cpuMillis(servicePid) - serviceCpu;
        databaseCpu = postgresCpuMillis(postmasterPid) - databaseCpu;
        long compiledAfter = jit.compiled();
        String label = String.format(Locale.ROOT, "%,d mediators, %s", size, oneCounty ? "one county" : "province");
        System.out.println(server.summary(label + " (server)", seconds));
        System.out.println(roundTrip.summary(label + " (round trip)", seconds));
        // CPU time is what a request costs whatever else loads the machine; latencies on a busy machine are not
        System.out.printf(Locale.ROOT, "  CPU per request: mediator-service %.2f ms, PostgreSQL %.2f ms; the JIT compiled %s methods meanwhile%n",
                serviceCpu / (double) measured, databaseCpu / (double) measured,
                compiledBefore < 0 || compiledAfter < 0 ? "an unknown number of"
                        : Long.toString(compiledAfter - compiledBefore));
        if (statistics != null) {
            printStatements(statistics, measured);
        }
    }

    /** The service's statements by PostgreSQL time per request: calls, planning, execution, the statement's start. */
    private static void printStatements(Connection db, int measured) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                select calls, total_plan_time, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                  from pg_stat_statements
                 where userid = (select oid from pg_roles where rolname = 'mediator_svc')
                 order by total_plan_time + total_exec_time desc limit 15""");
                java.sql.ResultSet rs = ps.executeQuery()) {
            System.out.println("  per request:  calls   plan ms   exec ms  statement");
            while (rs.next()) {
                String query = rs.getString(4);
                System.out.printf(Locale.ROOT, "             %7.2f  %8.3f  %8.3f  %s%n",
                        rs.getLong(1) / (double) measured, rs.getDouble(2) / measured, rs.getDouble(3) / measured,
                        query.substring(0, Math.min(100, query.length())));
            }
        }
    }

    /** The PostgreSQL server process: the parent of the bench's own backend. */
    private static long postmaster(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); java.sql.ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getInt(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        }
    }

    /** CPU time of the PostgreSQL server: its live processes and those it has reaped, from /proc (Linux). */
    private static long postgresCpuMillis(long postmasterPid) {
        long[] server = cpuTicks(postmasterPid);
        long total = server[0] + server[1] + server[2] + server[3];
        for (ProcessHandle child : ProcessHandle.of(postmasterPid).map(p -> p.children().toList()).orElse(List.of())) {
            long[] ticks = cpuTicks(child.pid());
            total += ticks[0] + ticks[1];
        }
        return total * 10; // 100 ticks per second
    }

    private static long cpuMillis(long pid) {
        long[] ticks = cpuTicks(pid);
        return (ticks[0] + ticks[1]) * 10;
    }

    /** utime, stime, cutime, cstime of a process in clock ticks; zeros when unknown (not Linux, or gone). */
    private static long[] cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** Requests whose timing nobody reads: to warm the JVM up. */
    private static void send(ManagedChannel channel, int counties, int requests, Random random) {
        MediatorServiceGrpc.MediatorServiceBlockingStub stub = MediatorServiceGrpc.newBlockingStub(channel)
                .withInterceptors(ServiceCalls.serviceToken());
        for (int i = 0; i < requests; i++) {
            stub.withDeadlineAfter(30, TimeUnit.SECONDS).requestTeam(caseIn(random, counties));
        }
    }

    private static long serverNanos(Metadata trailers) {
        String value = trailers == null ? null : trailers.get(SERVER_TIMING);
        if (value == null || !value.startsWith("app;dur=")) {
            throw new IllegalStateException("no server-timing trailer: " + value);
        }
        return (long) (Double.parseDouble(value.substring("app;dur=".length())) * 1_000_000);
    }

    /** A wage dispute in a random village of a random county, handled at township level, two parties. */
    private static TeamRequest caseIn(Random random, int counties) {
        String village = county(random.nextInt(counties)) + String.format(Locale.ROOT, "%03d%03d",
                101 + random.nextInt(TOWNSHIPS), 1 + random.nextInt(VILLAGES));
        UUID caseId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(Duration.ofDays(15));
        return TeamRequest.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId(caseId.toString())
                .setCaseNo("BENCH-" + caseId.toString().substring(0, 8))
                .setSubcategory("LABOUR.WAGE_ARREARS")
                .setAreaCode(village)
                .setLevel(AreaLevel.TOWNSHIP)
                .setCenterCode("BENCH")
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.APPLICANT)
                        .setName("申请人" + random.nextInt(100_000)).setPhone("139" + (10_000_000 + random.nextInt(89_999_999)))
                        .setIdNumber("3309991990" + (10_000_000 + random.nextInt(89_999_999))).setLanguage("zh-CN"))
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.RESPONDENT)
                        .setName("企业" + random.nextInt(5_000) + "有限公司").setOrganization(true))
                .setDeadline(Timestamp.newBuilder().setSeconds(deadline.getEpochSecond()))
                .build();
    }

    static String county(int index) {
        return Integer.toString(500_000 + index);
    }

    /**
     * Replaces the pool: roles in turn; 10% serve a county, 30% a township, 60% a village; one declared conflict per
     * hundred mediators. Earlier teams and offers are cleared so each size starts from the same state.
     */
    private static void generatePool(Connection db, int size, boolean oneCounty) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("truncate outbox_message, choice_ballot, choice_list_mediator, choice_list, team_audit, offer,"
                    + " team_party, team, declared_conflict, weekly_hours,"
                    + " unavailability, mediator cascade");
        }
        Random random = new Random(size);
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into mediator (id, name, role, area_code, organization, phone, languages, expertise, capacity,
                                      rating, status, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'zh-CN', ?, 20, ?, 'ACTIVE', true, now(), now())""");
                PreparedStatement conflict = db.prepareStatement("""
                insert into declared_conflict (id, mediator_id, kind, party_name, reason, declared_at)
                values (?, ?, 'RELATION', ?, 'bench', now())""")) {
            for (int i = 0; i < size; i++) {
                int county = oneCounty ? 0 : i / 1000;
                int slot = random.nextInt(10);
                String area = county(county);
                if (slot >= 1) {
                    area += 101 + random.nextInt(TOWNSHIPS);
                }
                if (slot >= 4) {
                    area += String.format(Locale.ROOT, "%03d", 1 + random.nextInt(VILLAGES));
                }
                String id = String.format(Locale.ROOT, "B%07d", i);
                insert.setString(1, id);
                insert.setString(2, "调解员" + i);
                insert.setString(3, ROLES[i % ROLES.length]);
                insert.setString(4, area);
                insert.setString(5, "机构" + random.nextInt(2_000));
                insert.setString(6, "138" + (10_000_000 + i));
                insert.setString(7, EXPERTISE[random.nextInt(EXPERTISE.length)]);
                insert.setBigDecimal(8, java.math.BigDecimal.valueOf(30 + random.nextInt(21), 1));
                insert.addBatch();
                if (i % 100 == 0) {
                    conflict.setObject(1, UUID.randomUUID());
                    conflict.setString(2, id);
                    conflict.setString(3, "企业" + random.nextInt(5_000) + "有限公司");
                    conflict.addBatch();
                }
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            conflict.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    private static Process start(Path app, Path root, Path state, String jdbcUrl, Path key, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        String extra = System.getProperty("bench.service-jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // the local profile: DEV-ONLY keys, which the prod profile refuses
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.datasource.jdbc.url=" + jdbcUrl);
        command.add("-Dquarkus.datasource.username=mediator_svc");
        command.add("-Dquarkus.datasource.password=bench");
        command.add("-Dmp.jwt.verify.publickey.location=" + key.toUri());
        command.add("-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER);
        // nothing else runs: offer notices stay in the outbox, offers never expire during the run
        command.add("-Dtiaojie.outbox.relay-enabled=false");
        command.add("-Dtiaojie.mediator.expiry-enabled=false");
        command.add("-Dquarkus.log.category.\"cn.tiaojie\".level=WARN");
        command.add("-jar");
        command.add(app.toString());
        return new ProcessBuilder(command).directory(root.resolve("mediator-service").toFile()).redirectErrorStream(true)
                .redirectOutput(state.resolve("mediator-service.log").toFile()).start();
    }

    private static void awaitReady(Process service, int port, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("mediator-service exited with " + service.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("mediator-service was not ready within " + timeout);
    }
}
