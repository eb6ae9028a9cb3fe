package cn.tiaojie.bench.notify;

import cn.tiaojie.local.FreePorts;
import cn.tiaojie.bench.ServiceCalls;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalPostgres;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drains queued notices to the SMS gateway simulator and the in-app inbox and checks the sink.
 *
 * <p>Each run queues N notices (default 100,000) through notify-service's gRPC SendNotice while its dispatcher is
 * off, each to its own recipient on SMS and IN_APP; then starts the service with the dispatcher on and measures
 * from ready to the last delivery recorded. The sink check: every notice's SMS arrived exactly once (the link in
 * each SMS names its notice), none twice, and every IN_APP delivery is SENT. Run 2 does the same but kills the
 * service with SIGKILL when about half the SMS have arrived, starts it again, and checks the same.
 *
 * <p>{@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.notify.NotifyDrainBench
 * [-Dnotices=100000]}; needs {@code ./mvnw -DskipTests package} first. Everything stays on 127.0.0.1.
 */
public final class NotifyDrainBench {

    private static final int CLIENTS = 32;
    private static final Pattern LINK = Pattern.compile("/n/([A-Za-z0-9_-]+)\\.");

    private final Path root;
    private final LocalPostgres postgres;
    private final SmsGatewaySimulator sms;
    private final int port = FreePorts.next();
    private final Path log;
    private final Path publicKey;
    private Process service;

    private NotifyDrainBench(Path root, LocalPostgres postgres, SmsGatewaySimulator sms) throws IOException {
        this.root = root;
        this.postgres = postgres;
        this.sms = sms;
        this.log = Files.createTempFile("notify-bench", ".log");
        this.publicKey = Files.createTempFile("DEV-ONLY-jwt-public", ".pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem());
    }

    public static void main(String[] args) throws Exception {
        int notices = Integer.getInteger("notices", 100_000);
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        try (LocalPostgres postgres = LocalPostgres.startEphemeral();
                SmsGatewaySimulator sms = SmsGatewaySimulator.start(0)) {
            SuiteService notify = SuiteService.NOTIFY;
            postgres.ensureDatabase(notify.database(), notify.user(), notify.devPassword());
            NotifyDrainBench bench = new NotifyDrainBench(root, postgres, sms);
            System.out.printf("notify drain bench: %,d notices per run, each on SMS + IN_APP; %d cores%n", notices,
                    Runtime.getRuntime().availableProcessors());
            try {
                bench.run("run 1 (clean)", notices, false);
                bench.run("run 2 (kill -9 halfway, restart)", notices, true);
            } finally {
                bench.stop(false);
                System.out.println("service log: " + bench.log);
            }
        }
    }

    private void run(String name, int count, boolean crash) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        sms.clear();
        start(false);
        long queueStart = System.nanoTime();
        queue(runId, count);
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        stop(true);

        start(true);
        long drainStart = System.nanoTime();
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (crash && !killed && sms.deliveredCount() >= count / 2) {
                long pid = service.pid();
                service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no commit of in-flight batches
                System.out.printf("  killed notify-service (pid %d, SIGKILL) after %,d SMS; restarting%n", pid,
                        sms.deliveredCount());
                start(true);
                killed = true;
            }
            if (pending(runId) == 0) {
                break;
            }
            Thread.sleep(200);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        Sink sink = sink(runId, count);
        stop(false);
        int deliveries = 2 * count;
        System.out.printf("%s: queued %,d notices in %.1f s (%,.0f/s through gRPC)%n", name, count, queueSeconds,
                count / queueSeconds);
        System.out.printf("  drained %,d deliveries (%,d SMS + %,d in-app) in %.1f s: %,.0f deliveries/s%s%n",
                deliveries, count, count, drainSeconds, deliveries / drainSeconds,
                crash ? " (including the kill and restart)" : "");
        System.out.printf("  sink: SMS delivered %,d, distinct notices %,d, duplicates %d, missing %d; "
                        + "gateway requests %,d, repeats recognised by idempotency key %,d%n",
                sink.smsDelivered, sink.smsDistinct, sink.smsDuplicates, sink.smsMissing, sms.requests(),
                sms.repeatedKeys());
        System.out.printf("  in-app: SENT %,d of %,d, missing %d; deliveries not SENT: %d; attempts > 1: %,d%n",
                sink.inAppSent, count, count - sink.inAppSent, sink.notSent, sink.retried);
    }

    private record Sink(long smsDelivered, long smsDistinct, long smsDuplicates, long smsMissing, long inAppSent,
            long notSent, long retried) {
    }

    private Sink sink(String runId, int count) throws SQLException {
        Map<UUID, Integer> seen = new HashMap<>();
        for (SmsGatewaySimulator.Sms m : sms.delivered()) {
            Matcher link = LINK.matcher(m.body());
            if (link.find()) {
                ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(link.group(1)));
                seen.merge(new UUID(payload.getLong(), payload.getLong()), 1, Integer::sum);
            }
        }
        Set<UUID> expected = new HashSet<>();
        long inAppSent;
        long notSent;
        long retried;
        try (Connection db = connect(); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id from notice where idempotency_key like 'bench:" + runId + ":%'")) {
                while (rs.next()) {
                    expected.add(rs.getObject(1, UUID.class));
                }
            }
            inAppSent = single(st, "select count(*) from delivery d join notice n on n.id = d.notice_id where "
                    + "n.idempotency_key like 'bench:" + runId + ":%' and d.channel = 'IN_APP' and d.state = 'SENT'");
            notSent = single(st, "select count(*) from delivery d join notice n on n.id = d.notice_id where "
                    + "n.idempotency_key like 'bench:" + runId + ":%' and d.state <> 'SENT'");
            retried = single(st, "select count(*) from delivery d join notice n on n.id = d.notice_id where "
                    + "n.idempotency_key like 'bench:" + runId + ":%' and d.attempts > 1");
        }
        long delivered = seen.values().stream().mapToLong(Integer::longValue).sum();
        long duplicates = seen.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long missing = expected.stream().filter(id -> !seen.containsKey(id)).count();
        if (expected.size() != count) {
            System.out.printf("  warning: %,d notices stored for this run, %,d queued%n", expected.size(), count);
        }
        return new Sink(delivered, seen.size(), duplicates, missing, inAppSent, notSent, retried);
    }

    private long pending(String runId) throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement()) {
            return single(st, "select count(*) from delivery where state in ('QUEUED', 'SENDING')");
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        SuiteService notify = SuiteService.NOTIFY;
        return DriverManager.getConnection(postgres.jdbcUrl(notify.database()), notify.user(), notify.devPassword());
    }

    private void queue(String runId, int count) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            NotifyServiceGrpc.NotifyServiceBlockingStub stub = NotifyServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(ServiceCalls.serviceToken());
            List<Future<?>> parts = new ArrayList<>();
            int per = (count + CLIENTS - 1) / CLIENTS;
            for (int t = 0; t < CLIENTS; t++) {
                int from = t * per;
                int to = Math.min(count, from + per);
                parts.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        stub.withDeadlineAfter(30, TimeUnit.SECONDS).sendNotice(notice(runId, i));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static NoticeRequest notice(String runId, int i) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey("bench:" + runId + ":" + i)
                .setKind(NoticeKind.HEARING_REMINDER)
                .setCaseId("bench-case-" + i)
                .setCaseNo(String.format("TJ2026%06d", i % 1_000_000))
                .setRecipient(Recipient.newBuilder().setKind(RecipientKind.PARTY).setId("bench-" + runId + "-" + i)
                        .setName("当事人" + i).setPhone(String.format("139%08d", i)).setLanguage("zh-CN")
                        .addChannels(NoticeChannel.SMS).addChannels(NoticeChannel.IN_APP))
                .putFields("startsAt", "2026-07-01T01:30:00Z")
                .putFields("venueName", "白溪镇矛盾纠纷调处化解中心第一调解室")
                .putFields("centerName", "白溪镇矛盾纠纷调处化解中心")
                .build();
    }

    private void start(boolean dispatch) throws Exception {
        SuiteService notify = SuiteService.NOTIFY;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the suite's small-machine options, but with the optimising compiler and a larger heap for 100,000 notices
        command.addAll(Suite.JVM_OPTIONS.stream()
                .filter(o -> !o.startsWith("-Xmx") && !o.startsWith("-XX:TieredStopAtLevel")).toList());
        command.add("-Xmx384m");
        command.add("-Dquarkus.profile=local");
        command.add("-Dmp.jwt.verify.publickey.location=" + publicKey.toUri());
        command.add("-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(notify.database()));
        command.add("-Dquarkus.datasource.username=" + notify.user());
        command.add("-Dquarkus.datasource.password=" + notify.devPassword());
        command.add("-Dtiaojie.notify.sms.base-url=" + sms.baseUrl());
        command.add("-Dtiaojie.notify.sms.account-sid=" + SmsGatewaySimulator.ACCOUNT_SID);
        command.add("-Dtiaojie.notify.sms.auth-token=" + SmsGatewaySimulator.AUTH_TOKEN);
        command.add("-Dtiaojie.notify.sms.status-callbacks=false");
        command.add("-Dtiaojie.notify.dispatch.enabled=" + dispatch);
        command.add("-Dtiaojie.notify.dispatch.lease=5s");
        command.add("-Dtiaojie.notify.dispatch.interval=200ms");
        command.add("-Dquarkus.log.category.\"cn.tiaojie\".level=WARN");
        command.add("-jar");
        command.add(root.resolve("notify-service/target/quarkus-app/quarkus-run.jar").toString());
        service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("notify-service exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("notify-service not ready; see " + log);
    }

    private void stop(boolean graceful) throws InterruptedException {
        if (service != null && service.isAlive()) {
            if (graceful) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor();
                }
            } else {
                service.destroyForcibly().waitFor();
            }
        }
    }
}
