package cn.tiaojie.bench.scheduling;

import cn.tiaojie.bench.Latencies;
import cn.tiaojie.bench.ServiceCalls;
import cn.tiaojie.bench.cases.CaseIntakeBench;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.common.v1.PartyRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.platform.grpc.ProtoTime;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The fast path of RequestHearing against the real service: the whole suite runs on a throw-away embedded
 * PostgreSQL, 5,000 hearings are already booked at a county center (16 of its 20 rooms, the next ~10 weeks, an
 * eighth of them with the demo mediators the requests use), then one request at a time books a new case's hearing over gRPC and
 * the latency is recorded. Loopback only, bounded: {@code -Dbench.warmup} (3,000, released as they go) warm-up and {@code -Dbench.requests}
 * (300) measured requests.
 * Run: ./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.scheduling.FastPathBench
 */
public final class FastPathBench {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CENTER = "BENCH-COUNTY";
    /** the demo world's county center, which case-service knows */
    static final String CASE_CENTER = "QX-COUNTY";
    static final int ROOMS = 20;
    static final int BOOKED = 5_000;
    /** rooms the pre-booked hearings leave free, so that new requests find a room near the notice period */
    static final int FREE_ROOMS = 4;

    /**
     * The demo pool's active mediators, M001…M036 without M035: he has retired (inactive, no free time), so
     * matching never puts him on a team and a request naming him could never be booked.
     */
    static final java.util.List<String> ACTIVE_MEDIATORS = java.util.stream.IntStream.rangeClosed(1, 36)
            .filter(n -> n != 35).mapToObj("M%03d"::formatted).toList();

    /**
     * Each request's case exists in case-service, TEAM_ASSIGNED as a case whose team has just formed: written
     * (untimed) straight into its database with the statement case-service's intake uses. So the booking's
     * RecordHearingScheduled really moves the case, notify-service finds the case's scope with one GetCase, and no
     * delivery fails as it would for a case nobody knows.
     */
    static final String TEAM_ASSIGNED_CASE = "TEAM_ASSIGNED";

    /**
     * Warm-up bookings take the demo mediators' time like real ones; released now and then (untimed, the hearing's
     * status cascades to its participants) so that a long warm-up leaves the calendar the measured requests see as
     * it was: 5,000 booked hearings, not a growing pile.
     */
    static final String RELEASE_WARM_UP = """
            update hearing set status = 'CANCELLED' where case_no like 'WARMUP-%' and status <> 'CANCELLED'""";
    static final int RELEASE_EVERY = 100;

    private static final java.util.concurrent.atomic.AtomicInteger CASE_NUMBERS = new java.util.concurrent.atomic.AtomicInteger();
    private static final Map<String, Integer> FAILURES = new java.util.TreeMap<>();

    private FastPathBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 300);
        int warmup = Integer.getInteger("bench.warmup", 3000);
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath();
        Path state = Files.createTempDirectory("tiaojie-fastpath-bench");
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s, 18_000 + s.defaultPort % 100);
        }
        // the services run as in production (server JIT, a roomier heap), not with the local run's start-up options
        List<String> jvmOptions = new java.util.ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        // e.g. -Dbench.serviceJvmArgs=-XX:StartFlightRecording=filename=/tmp/svc.jfr to profile the services
        String extra = System.getProperty("bench.serviceJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            jvmOptions.addAll(List.of(extra.split("\\s+")));
        }
        try (Suite suite = Suite.start(new Suite.Options(root, state, null, 0, ports, jvmOptions), Duration.ofMinutes(4))) {
            String jdbc = "jdbc:postgresql://localhost:" + suite.postgresPort() + "/" + SuiteService.SCHEDULING.database();
            // as the owner, who may also ANALYZE the tables afterwards
            try (Connection db = DriverManager.getConnection(jdbc, SuiteService.SCHEDULING.owner(),
                    SuiteService.SCHEDULING.ownerDevPassword())) {
                preBook(db);
            }
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", ports.get(SuiteService.SCHEDULING))
                    .usePlaintext().build();
            String caseJdbc = "jdbc:postgresql://localhost:" + suite.postgresPort() + "/" + SuiteService.CASE.database();
            try (Connection db = DriverManager.getConnection(jdbc, SuiteService.SCHEDULING.user(),
                    SuiteService.SCHEDULING.devPassword());
                 Connection caseDb = DriverManager.getConnection(caseJdbc, SuiteService.CASE.user(),
                         SuiteService.CASE.devPassword());
                 PreparedStatement newCase = caseDb.prepareStatement(CaseIntakeBench.RawIntakes.INSERT_CASE);
                 PreparedStatement release = db.prepareStatement(RELEASE_WARM_UP)) {
                SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling = SchedulingServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(ServiceCalls.serviceToken());
                Random random = new Random(7);
                // the server JIT of four services on two cores is still compiling after hundreds of requests
                for (int i = 1; i <= warmup; i++) {
                    book(scheduling, newCase(newCase, random, "WARMUP-"));
                    if (i % RELEASE_EVERY == 0 || i == warmup) {
                        release.executeUpdate();
                    }
                }
                System.out.printf("warm-up: %d requests, %d failed%n", warmup,
                        FAILURES.values().stream().mapToInt(Integer::intValue).sum());
                FAILURES.clear();
                Latencies latencies = new Latencies(requests);
                int failed = 0;
                long timed = 0;
                Map<SuiteService, Long> cpuBefore = cpuMillis(suite);
                long transactionsBefore = transactions(db);
                for (int i = 0; i < requests; i++) {
                    HearingRequest request = newCase(newCase, random, "BENCH-");
                    long start = System.nanoTime();
                    boolean booked = book(scheduling, request);
                    long elapsed = System.nanoTime() - start;
                    timed += elapsed;
                    if (booked) {
                        latencies.record(elapsed);
                    } else {
                        failed++;
                    }
                }
                Map<SuiteService, Long> cpuAfter = cpuMillis(suite);
                long transactions = transactions(db) - transactionsBefore;
                System.out.println(latencies.summary("RequestHearing, " + BOOKED + " booked", timed / 1e9));
                // CPU time is what a request costs, whatever else loads the machine; it includes the outbox relay
                cpuAfter.forEach((service, after) -> System.out.printf("  %s CPU %.1f ms per request%n",
                        service.module, (after - cpuBefore.get(service)) / (double) requests));
                System.out.printf("  scheduling_db transactions per request: %.1f (the bench's own writes included)%n",
                        transactions / (double) requests);
                System.out.printf("failed requests: %d; goal p99 <= 50 ms: %s%n", failed,
                        latencies.percentileMillis(99) <= 50 ? "met" : "missed");
                FAILURES.forEach((reason, count) -> System.out.printf("  %d x %s%n", count, reason));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** User and system CPU time of each service so far, from /proc (Linux); -1 elsewhere. */
    private static Map<SuiteService, Long> cpuMillis(Suite suite) {
        Map<SuiteService, Long> cpu = new EnumMap<>(SuiteService.class);
        for (Suite.Started started : suite.started()) {
            long millis;
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(started.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // 100 ticks per second
            } catch (java.io.IOException | RuntimeException e) {
                millis = -1;
            }
            cpu.put(started.service(), millis);
        }
        return cpu;
    }

    /** Transactions committed or rolled back in the scheduling database so far (statistics lag up to 0.5 s). */
    private static long transactions(Connection db) throws java.sql.SQLException {
        try (var s = db.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (var rows = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database "
                    + "where datname = current_database()")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One new case with two different active demo mediators and two new parties; true when it was booked. */
    private static boolean book(SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling, HearingRequest request) {
        try {
            scheduling.withDeadlineAfter(10, TimeUnit.SECONDS).requestHearing(request);
            return true;
        } catch (StatusRuntimeException e) {
            FAILURES.merge(e.getStatus().getCode() + ": " + e.getStatus().getDescription(), 1, Integer::sum);
            return false;
        }
    }

    /**
     * A new case with two different active demo mediators and two new parties, written into case-service's
     * database as TEAM_ASSIGNED; the request that asks for its hearing.
     */
    private static HearingRequest newCase(PreparedStatement insertCase, Random random, String caseNoPrefix)
            throws java.sql.SQLException {
        int count = ACTIVE_MEDIATORS.size();
        int a = random.nextInt(count);
        int b = (a + 1 + random.nextInt(count - 1)) % count;
        HearingRequest request = HearingRequest.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId(UUID.randomUUID().toString())
                .setCaseNo(caseNoPrefix + CASE_NUMBERS.incrementAndGet())
                .setCenterCode(CENTER)
                .setAreaCode("330999101001")
                .setSubcategory("LABOUR.WAGE_ARREARS")
                .setDeadline(ProtoTime.of(Instant.now().plus(Duration.ofDays(60))))
                .setDurationMinutes(90)
                .addTeam(member(ACTIVE_MEDIATORS.get(a), MediatorRole.LAWYER))
                .addTeam(member(ACTIVE_MEDIATORS.get(b), MediatorRole.SOCIAL_WORKER))
                .addParties(party(PartyRole.APPLICANT))
                .addParties(party(PartyRole.RESPONDENT))
                .build();
        insertTeamAssignedCase(insertCase, request);
        return request;
    }

    private static void insertTeamAssignedCase(PreparedStatement s, HearingRequest request) throws java.sql.SQLException {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        java.time.OffsetDateTime deadline = ProtoTime.toInstant(request.getDeadline()).atOffset(java.time.ZoneOffset.UTC);
        s.setObject(1, UUID.fromString(request.getCaseId()));
        s.setString(2, request.getCaseNo());
        s.setString(3, CASE_CENTER);
        s.setString(4, TEAM_ASSIGNED_CASE);
        s.setString(5, "WALK_IN");
        s.setString(6, request.getSubcategory());
        s.setString(7, request.getAreaCode());
        s.setString(8, "TOWNSHIP");
        s.setString(9, "拖欠三个月工资");
        s.setString(10, "工地欠薪");
        s.setBigDecimal(11, new java.math.BigDecimal("18600.00"));
        s.setString(12, "");
        s.setString(13, null);
        s.setString(14, null);
        s.setBoolean(15, false);
        s.setObject(16, deadline);
        s.setString(17, "bench-staff");
        s.setObject(18, now);
        s.setObject(19, now);
        s.setLong(20, 3);
        s.setString(21, "HEARING");
        s.setObject(22, now, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        s.setObject(23, now.plusDays(7), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(24, "ON_TRACK");
        s.setString(25, "bench-" + request.getCaseId());
        s.setObject(26, null, java.sql.Types.OTHER);
        s.executeUpdate();
    }

    private static TeamMember member(String id, MediatorRole role) {
        return TeamMember.newBuilder().setMediatorId(id).setRole(role).setName("调解员" + id).build();
    }

    private static Party party(PartyRole role) {
        return Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(role).setName("当事人")
                .addPreferredChannels(NoticeChannel.LOG).build();
    }

    /**
     * 20 rooms and 5,000 hearings: from three days ahead, six 90-minute hearings a working day in 16 of the rooms;
     * two of each sixteen have a demo mediator, the others mediators and parties of their own.
     */
    private static void preBook(Connection db) throws Exception {
        db.setAutoCommit(false);
        UUID[] rooms = new UUID[ROOMS];
        try (PreparedStatement venue = db.prepareStatement("""
                insert into venue (id, center_code, name, address, kind, capacity, opens, closes, has_video)
                values (?, ?, ?, '青溪县城关镇人民路 88 号', 'ROOM', 10, '08:30', '17:30', false)""")) {
            for (int r = 0; r < ROOMS; r++) {
                rooms[r] = UUID.randomUUID();
                venue.setObject(1, rooms[r]);
                venue.setString(2, CENTER);
                venue.setString(3, "调解室 " + (r + 1));
                venue.addBatch();
            }
            venue.executeBatch();
        }
        try (PreparedStatement hearing = db.prepareStatement("""
                insert into hearing (id, case_id, case_no, center_code, area_code, venue_id, starts_at, ends_at, status,
                                     within_deadline, created_at, notified_at)
                values (?, ?, ?, ?, '330999101001', ?, ?, ?, 'BOOKED', true, now(), now())""");
             PreparedStatement participant = db.prepareStatement("""
                insert into hearing_participant (id, hearing_id, participant_id, kind, name, starts_at, ends_at, status)
                values (?, ?, ?, ?, '参加人', ?, ?, 'BOOKED')""")) {
            LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
            int booked = 0;
            while (booked < BOOKED) {
                day = day.plusDays(1);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int slot = 0; slot < 6 && booked < BOOKED; slot++) {
                    Instant start = day.atTime(8, 30).plusMinutes(90L * slot).atZone(SHANGHAI).toInstant();
                    Instant end = start.plus(Duration.ofMinutes(90));
                    for (int r = 0; r < ROOMS - FREE_ROOMS && booked < BOOKED; r++, booked++) {
                        UUID id = UUID.randomUUID();
                        hearing.setObject(1, id);
                        hearing.setObject(2, UUID.randomUUID());
                        hearing.setString(3, "PRE-" + booked);
                        hearing.setString(4, CENTER);
                        hearing.setObject(5, rooms[r]);
                        hearing.setTimestamp(6, Timestamp.from(start));
                        hearing.setTimestamp(7, Timestamp.from(end));
                        hearing.addBatch();
                        // room r at this time: a demo mediator for r < 2 (two of twenty), one of its own otherwise
                        String mediator = r < 2
                                ? ACTIVE_MEDIATORS.get((booked / ROOMS + r * 18) % ACTIVE_MEDIATORS.size())
                                : "BM-" + booked;
                        String[][] people = {{mediator, "MEDIATOR"}, {"BP-" + booked + "-1", "PARTY"},
                            {"BP-" + booked + "-2", "PARTY"}};
                        for (String[] p : people) {
                            participant.setObject(1, UUID.randomUUID());
                            participant.setObject(2, id);
                            participant.setString(3, p[0]);
                            participant.setString(4, p[1]);
                            participant.setTimestamp(5, Timestamp.from(start));
                            participant.setTimestamp(6, Timestamp.from(end));
                            participant.addBatch();
                        }
                    }
                }
                hearing.executeBatch();
                participant.executeBatch();
            }
            db.commit();
            System.out.printf("pre-booked %d hearings in %d rooms until %s%n", booked, ROOMS, day);
        }
        try (var s = db.createStatement()) {
            s.execute("analyze");
        }
    }
}
