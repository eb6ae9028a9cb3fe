package cn.tiaojie.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.SmsGatewaySimulator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.restassured.http.ContentType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the packaged suite, as they happen in a cluster: a service killed mid-work and started again, a service
 * down while others need it, the database stopped under a stream of writes. Every loop is bounded and everything
 * stays on loopback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final Duration READY = Duration.ofMinutes(2);

    @TempDir
    static Path data;
    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = SuiteFixture.start("faults", data.resolve("pgdata"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void notifyKilledInTheMiddleOfABurstDeliversEveryNoticeExactlyOnce() throws Exception {
        SmsGatewaySimulator gateway = suite.channels().sms();
        gateway.clear();
        int burst = 120;
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1",
                suite.url(SuiteService.NOTIFY).getPort()).usePlaintext().build();
        try {
            NotifyServiceGrpc.NotifyServiceBlockingStub notify = NotifyServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(serviceToken());
            Thread killer = Thread.ofPlatform().start(() -> {
                // once part of the burst has reached the gateway, the pod dies without a word
                await().atMost(PATIENCE).until(() -> gateway.delivered().size() >= burst / 4);
                suite.kill(SuiteService.NOTIFY);
                suite.relaunch(SuiteService.NOTIFY, READY);
            });
            for (int i = 0; i < burst; i++) {
                sendUntilAccepted(notify, notice(i));
            }
            killer.join(READY.toMillis() + PATIENCE.toMillis());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        // every notice reaches the gateway, and none twice: a send cut short is repeated with the same key
        await().atMost(PATIENCE).until(() -> phones(gateway).size() == burst);
        Thread.sleep(2_000);
        Map<String, Long> perPhone = gateway.delivered().stream()
                .collect(Collectors.groupingBy(SmsGatewaySimulator.Sms::to, Collectors.counting()));
        assertEquals(burst, perPhone.size());
        assertEquals(Set.of(1L), Set.copyOf(perPhone.values()), () -> "delivered twice: " + perPhone.entrySet()
                .stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
    }

    @Test
    @Order(2)
    void casesFiledWhileMediatorServiceIsDownGetTheirTeamsWhenItReturns() {
        suite.kill(SuiteService.MEDIATOR);
        List<String> cases = List.of(
                fileCase("相邻通行纠纷，邻居在通道上砌墙", "刘一"),
                fileCase("宅基地边界纠纷", "陈二"),
                fileCase("饲养的狗咬伤邻居", "张三"));
        // filing answers at once: the team requests wait in case-service's outbox
        cases.forEach(id -> assertEquals("FILED", caseStatus(id)));

        suite.relaunch(SuiteService.MEDIATOR, READY);

        await().atMost(PATIENCE).until(() -> cases.stream().allMatch(id -> "DISPATCHED".equals(caseStatus(id))));
        for (String id : cases) {
            int status = given().auth().oauth2(STAFF)
                    .get(suite.url(SuiteService.MEDIATOR).resolve("/api/teams/by-case/" + id).toString()).statusCode();
            assertEquals(200, status, "a team is being formed for " + id);
        }
    }

    @Test
    @Order(3)
    void intakesWhileTheDatabaseStopsAndStartsAreKeptOrRefusedClearlyAndTheServiceRecoversByItself()
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> created = new CopyOnWriteArrayList<>();
        List<String> refusedClearly = new CopyOnWriteArrayList<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            writers.submit(() -> {
                for (int i = 0; i < 2_000 && running.get(); i++) {
                    int n = sequence.incrementAndGet();
                    try {
                        HttpResponse<String> answer = http.send(intake(n), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            created.add(io.restassured.path.json.JsonPath.from(answer.body()).getString("id"));
                        } else if (answer.statusCode() == 503 && answer.headers().firstValue("Content-Type")
                                .orElse("").startsWith("application/problem+json")) {
                            refusedClearly.add(answer.body());
                        } else {
                            wrong.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (java.io.IOException e) {
                        wrong.add("no answer: " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(3_000);
        suite.stopDatabase();
        Thread.sleep(5_000);
        suite.startDatabase();
        long restarted = System.nanoTime();
        int createdAtRestart = created.size();
        // recovered: intakes are kept again, without anyone restarting the service
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> created.size() > createdAtRestart + 20);
        long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        running.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

        System.out.printf("intakes: %d kept, %d refused with 503 while the database was down; recovered %d ms after it"
                + " started again%n", created.size(), refusedClearly.size(), recoveredMillis);
        assertEquals(List.of(), wrong, "every intake is answered 201 or 503 problem+json, none hangs");
        assertTrue(!refusedClearly.isEmpty(), "the outage was felt");
        assertTrue(refusedClearly.getFirst().contains("database"), refusedClearly.getFirst());
        for (String id : created) {
            given().auth().oauth2(STAFF).get(suite.url(SuiteService.CASE).resolve("/api/cases/" + id).toString())
                    .then().statusCode(200);
        }
    }

    private static HttpRequest intake(int n) {
        String body = """
                {"channel":"HOTLINE_12345","subcategory":"NEIGHBOUR.NOISE","areaCode":"330999101001",
                 "summary":"夜间噪声扰民 %d",
                 "parties":[{"role":"APPLICANT","kind":"PERSON","name":"申请人%d"},
                            {"role":"RESPONDENT","kind":"PERSON","name":"被申请人%d"}]}""".formatted(n, n, n);
        return HttpRequest.newBuilder(suite.url(SuiteService.CASE).resolve("/api/cases"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + STAFF).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void sendUntilAccepted(NotifyServiceGrpc.NotifyServiceBlockingStub notify, NoticeRequest notice)
            throws InterruptedException {
        // as an outbox does: a call that fails is repeated, the idempotency key makes the repeat harmless
        long giveUp = System.nanoTime() + READY.plus(PATIENCE).toNanos();
        while (true) {
            try {
                notify.withDeadlineAfter(10, TimeUnit.SECONDS).sendNotice(notice);
                return;
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static NoticeRequest notice(int i) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey("faults:burst:" + i)
                .setKind(NoticeKind.HEARING_REMINDER)
                .setCaseId("faults-case-" + i)
                .setCaseNo("TJ2026%06d".formatted(900_000 + i))
                .setRecipient(Recipient.newBuilder().setKind(RecipientKind.PARTY).setId("faults-party-" + i)
                        .setName("当事人" + i).setPhone("139%08d".formatted(i)).setLanguage("zh-CN")
                        .addChannels(NoticeChannel.SMS))
                .putFields("startsAt", "2026-12-20T01:30:00Z")
                .putFields("venueName", "青溪县矛盾纠纷调处化解中心第一调解室")
                .putFields("centerName", "青溪县矛盾纠纷调处化解中心")
                .build();
    }

    private static Set<String> phones(SmsGatewaySimulator gateway) {
        return gateway.delivered().stream().map(SmsGatewaySimulator.Sms::to).collect(Collectors.toSet());
    }

    private static io.grpc.ClientInterceptor serviceToken() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + DevTokens.forRole("service").subject("faults").sign());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    private static String fileCase(String summary, String respondent) {
        String id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"channel":"WALK_IN","subcategory":"NEIGHBOUR.PASSAGE","areaCode":"330999101001",
                 "summary":"%s",
                 "parties":[{"role":"APPLICANT","kind":"PERSON","name":"王芳"},
                            {"role":"RESPONDENT","kind":"PERSON","name":"%s"}]}""".formatted(summary, respondent))
                .post(suite.url(SuiteService.CASE).resolve("/api/cases").toString())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(STAFF).post(suite.url(SuiteService.CASE).resolve("/api/cases/" + id + "/file").toString())
                .then().statusCode(200);
        return id;
    }

    private static String caseStatus(String caseId) {
        return given().auth().oauth2(STAFF).get(suite.url(SuiteService.CASE).resolve("/api/cases/" + caseId).toString())
                .then().statusCode(200).extract().path("status");
    }
}
