package cn.tiaojie.bench.scheduling;

import cn.tiaojie.bench.Latencies;
import cn.tiaojie.bench.ServiceCalls;
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
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The fast path of RequestHearing against the real service: the whole suite runs on a throw-away embedded
 * PostgreSQL, 5,000 hearings are already booked at a county center (16 of its 20 rooms, the next ~10 weeks, an
 * eighth of them with the demo mediators the requests use), then one request at a time books a new case's hearing over gRPC and
 * the latency is recorded. Loopback only, bounded: 30 warm-up and {@code -Dbench.requests} (300) measured requests.
 * Run: ./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.scheduling.FastPathBench
 */
public final class FastPathBench {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CENTER = "BENCH-COUNTY";
    static final int ROOMS = 20;
    static final int BOOKED = 5_000;
    /** rooms the pre-booked hearings leave free, so that new requests find a room near the notice period */
    static final int FREE_ROOMS = 4;

    private static final Map<String, Integer> FAILURES = new java.util.TreeMap<>();

    private FastPathBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 300);
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath();
        Path state = Files.createTempDirectory("tiaojie-fastpath-bench");
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s, 18_000 + s.defaultPort % 100);
        }
        try (Suite suite = Suite.start(new Suite.Options(root, state, null, 0, ports), Duration.ofMinutes(4))) {
            String jdbc = "jdbc:postgresql://localhost:" + suite.postgresPort() + "/" + SuiteService.SCHEDULING.database();
            try (Connection db = DriverManager.getConnection(jdbc, SuiteService.SCHEDULING.user(),
                    SuiteService.SCHEDULING.devPassword())) {
                preBook(db);
            }
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", ports.get(SuiteService.SCHEDULING))
                    .usePlaintext().build();
            try {
                SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling = SchedulingServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(ServiceCalls.serviceToken());
                Random random = new Random(7);
                for (int i = 0; i < 30; i++) {
                    book(scheduling, random);
                }
                Latencies latencies = new Latencies(requests);
                int failed = 0;
                long begin = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    if (book(scheduling, random)) {
                        latencies.record(System.nanoTime() - start);
                    } else {
                        failed++;
                    }
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                System.out.println(latencies.summary("RequestHearing, " + BOOKED + " booked", seconds));
                System.out.printf("failed requests: %d; goal p99 <= 50 ms: %s%n", failed,
                        latencies.percentileMillis(99) <= 50 ? "met" : "missed");
                FAILURES.forEach((reason, count) -> System.out.printf("  %d x %s%n", count, reason));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** One new case with two demo mediators and two new parties; true when it was booked. */
    private static boolean book(SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling, Random random) {
        int a = 1 + random.nextInt(36);
        int b = 1 + (a + random.nextInt(35)) % 36;
        HearingRequest request = HearingRequest.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId(UUID.randomUUID().toString())
                .setCaseNo("BENCH-" + UUID.randomUUID().toString().substring(0, 8))
                .setCenterCode(CENTER)
                .setAreaCode("330999101001")
                .setSubcategory("LABOUR.WAGE_ARREARS")
                .setDeadline(ProtoTime.of(Instant.now().plus(Duration.ofDays(60))))
                .setDurationMinutes(90)
                .addTeam(member("M%03d".formatted(a), MediatorRole.LAWYER))
                .addTeam(member("M%03d".formatted(b), MediatorRole.SOCIAL_WORKER))
                .addParties(party(PartyRole.APPLICANT))
                .addParties(party(PartyRole.RESPONDENT))
                .build();
        try {
            scheduling.withDeadlineAfter(10, TimeUnit.SECONDS).requestHearing(request);
            return true;
        } catch (StatusRuntimeException e) {
            FAILURES.merge(e.getStatus().getCode() + ": " + e.getStatus().getDescription(), 1, Integer::sum);
            return false;
        }
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
                        String mediator = r < 2 ? "M%03d".formatted(1 + (booked / ROOMS + r * 18) % 36) : "BM-" + booked;
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
