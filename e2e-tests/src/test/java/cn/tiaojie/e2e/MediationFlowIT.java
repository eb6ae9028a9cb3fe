package cn.tiaojie.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.LocalChannels;
import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The spine of the flow across the four services as real processes: a dispute is registered and filed, offers
 * go out, a declined offer falls through to the next candidate, the team accepts, the hearing is booked at least
 * the notice period ahead and every party and team member is served a hearing notice; the applicant's arrives by
 * SMS and by e-mail (PDF and .ics), and confirming it through its signed link reaches case-service as proof of
 * service. Then the logs of the whole story are searched for the applicant's personal data, and every service's
 * responses for the security headers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediationFlowIT {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String APPLICANT_PHONE = "13812345678";
    static final String APPLICANT_ID_NUMBER = "330999198506123416";
    static final String APPLICANT_EMAIL = "zhang.san@example.cn";

    static Suite suite;
    /** the case of the story, carried from one step to the next */
    static String storyCase;

    @BeforeAll
    static void startSuite() {
        suite = SuiteFixture.start("flow", null);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aWageDisputeGoesFromIntakeToAHearingWithEveryNoticeServed() throws Exception {
        Instant filedAt = Instant.now();
        String caseId = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"330999102003",
                 "summary":"拖欠三个月工资","amountInDispute":18600,
                 "parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"张三","phone":"%s","idNumber":"%s",
                    "email":"%s","preferredChannels":["SMS","EMAIL"]},
                   {"role":"RESPONDENT","kind":"ORGANIZATION","name":"青溪建工有限公司"}]}"""
                        .formatted(APPLICANT_PHONE, APPLICANT_ID_NUMBER, APPLICANT_EMAIL))
                .post(url(SuiteService.CASE, "/api/cases"))
                .then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("id");
        storyCase = caseId;

        given().auth().oauth2(STAFF).post(url(SuiteService.CASE, "/api/cases/" + caseId + "/file"))
                .then().statusCode(200).body("status", equalTo("FILED"));

        // mediator-service takes the request and offers a lawyer and a social worker
        JsonPath team = await().atMost(PATIENCE).until(() -> teamOf(caseId),
                t -> t != null && openOffers(t).size() == 2);
        assertEquals(List.of("LAWYER", "SOCIAL_WORKER"), team.getList("requiredRoles"));
        await().atMost(PATIENCE).until(() -> caseStatus(caseId), "DISPATCHED"::equals);

        // the lawyer declines: the offer falls through to the next lawyer
        Map<String, Object> lawyerOffer = openOffer(team, "LAWYER");
        String firstLawyer = (String) lawyerOffer.get("mediatorId");
        given().auth().oauth2(mediatorToken(firstLawyer)).contentType(ContentType.JSON)
                .body("{\"reason\":\"本周在外地出庭\"}")
                .post(url(SuiteService.MEDIATOR, "/api/offers/" + lawyerOffer.get("id") + "/decline"))
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        JsonPath afterDecline = await().atMost(PATIENCE).until(() -> teamOf(caseId),
                t -> openOffers(t).stream().anyMatch(o -> o.get("role").equals("LAWYER")));
        String secondLawyer = (String) openOffer(afterDecline, "LAWYER").get("mediatorId");
        assertNotEquals(firstLawyer, secondLawyer);

        // everyone offered accepts with their own token
        for (Map<String, Object> offer : openOffers(afterDecline)) {
            String mediatorId = (String) offer.get("mediatorId");
            given().auth().oauth2(mediatorToken(mediatorId))
                    .post(url(SuiteService.MEDIATOR, "/api/offers/" + offer.get("id") + "/accept"))
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        }

        await().atMost(PATIENCE).until(() -> caseStatus(caseId), "HEARING_SCHEDULED"::equals);
        JsonPath kase = given().auth().oauth2(STAFF).get(url(SuiteService.CASE, "/api/cases/" + caseId))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("RECEIVED", "FILED", "DISPATCHED", "TEAM_ASSIGNED", "HEARING_SCHEDULED"),
                kase.getList("timeline.type"));
        assertEquals(2, kase.getList("team").size());

        // the hearing is booked through the fast path, at least the notice period (3 days) ahead
        JsonPath hearings = given().auth().oauth2(STAFF).queryParam("caseId", caseId)
                .get(url(SuiteService.SCHEDULING, "/api/hearings")).then().statusCode(200).extract().jsonPath();
        assertEquals(1, hearings.getList("$").size());
        Instant startsAt = Instant.parse(hearings.getString("[0].startsAt"));
        assertTrue(!startsAt.isBefore(filedAt.plus(3, ChronoUnit.DAYS)), "notice period respected: " + startsAt);
        assertEquals(kase.getString("hearing.hearingId"), hearings.getString("[0].id"));
        // its calendar file parses (RFC 5545, ical4j), the event at the booked time
        String ics = given().auth().oauth2(STAFF)
                .get(url(SuiteService.SCHEDULING, "/api/hearings/" + hearings.getString("[0].id") + ".ics"))
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT).getFirst();
        assertEquals(startsAt, ((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant());

        // a hearing notice for each party and each team member, each sent on at least one channel
        await().atMost(PATIENCE).until(() -> hearingNotices(caseId), notices -> notices.size() == 4
                && notices.stream().allMatch(MediationFlowIT::sent));
        // the applicant's arrives by SMS with a signed link, and by e-mail with the notice as PDF and an .ics
        LocalChannels channels = suite.channels();
        SmsGatewaySimulator.Sms sms = await().atMost(PATIENCE).until(() -> channels.sms().delivered().stream()
                .filter(m -> m.to().equals("+86" + APPLICANT_PHONE) && m.body().contains("调解通知书")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        LocalChannels.Mail mail = await().atMost(PATIENCE).until(() -> channels.mails().stream()
                .filter(m -> m.to().equals(APPLICANT_EMAIL) && m.subject().startsWith("调解通知书")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertEquals(List.of("application/pdf", "text/calendar"),
                mail.attachments().stream().map(LocalChannels.Attachment::contentType).sorted().toList());
        // the link opens the notice without login; confirming receipt is proof of service, recorded by case-service
        String link = sms.body().substring(sms.body().indexOf("http")).strip();
        given().get(link).then().statusCode(200).body(org.hamcrest.Matchers.containsString("调解通知书"));
        given().post(link + "/ack").then().statusCode(200).body("channel", equalTo("SMS"));
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(STAFF)
                .get(url(SuiteService.CASE, "/api/cases/" + caseId)).then().extract().jsonPath()
                .getList("timeline.type"), types -> types.contains("NOTICE_ACKNOWLEDGED"));
        // and the three mediators who were offered the case were told
        JsonPath offers = notices(caseId);
        assertEquals(3, offers.getList("items.findAll { it.kind == 'ASSIGNMENT_OFFER' }").size());
    }

    @Test
    @Order(2)
    void aDepartmentReportsThroughItsLinkThenTheApplicantIsToldTheOutcomeAndRatesTheMediation() {
        String caseId = storyCase;
        given().auth().oauth2(STAFF).post(url(SuiteService.CASE, "/api/cases/" + caseId + "/start-mediation"))
                .then().statusCode(200).body("status", equalTo("IN_MEDIATION"));
        // the police station is summoned (吹哨): its duty phone gets the summons, and it reports through the link
        String summonsId = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"departments\":[\"POLICE_STATION\"],\"note\":\"工人情绪激动\"}")
                .post(url(SuiteService.CASE, "/api/cases/" + caseId + "/summons")).then().statusCode(201)
                .extract().path("[0].id");
        SmsGatewaySimulator.Sms summons = await().atMost(PATIENCE).until(() -> suite.channels().sms().delivered()
                .stream().filter(m -> m.to().equals("+8613909990005") && m.body().contains("吹哨报到通知")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        String summonsLink = summons.body().substring(summons.body().indexOf("http")).strip();
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "REPORTED")
                .formParam("attendee", "白溪派出所 王警官").formParam("arrivesAt", "2030-01-01T09:00")
                .post(summonsLink + "/summons-answer").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(STAFF)
                .get(url(SuiteService.CASE, "/api/cases/" + caseId)).then().extract().jsonPath()
                .getString("summons.find { it.id == '" + summonsId + "' }.respondedVia"), "LINK"::equals);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"result":"RESOLVED","agreement":{"terms":"公司于十日内支付工资 18600 元",
                 "amount":18600,"judicialConfirmation":true}}""")
                .post(url(SuiteService.CASE, "/api/cases/" + caseId + "/outcome"))
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        LocalChannels channels = suite.channels();
        SmsGatewaySimulator.Sms outcome = await().atMost(PATIENCE).until(() -> smsToApplicant(channels, "调解结果通知"),
                java.util.Optional::isPresent).orElseThrow();
        // its link opens the outcome with the agreement's terms
        given().get(outcome.body().substring(outcome.body().indexOf("http")).strip()).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("公司于十日内支付工资 18600 元"));

        given().auth().oauth2(STAFF).post(url(SuiteService.CASE, "/api/cases/" + caseId + "/close"))
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        SmsGatewaySimulator.Sms invitation = await().atMost(PATIENCE)
                .until(() -> smsToApplicant(channels, "服务评价邀请"), java.util.Optional::isPresent).orElseThrow();
        String link = invitation.body().substring(invitation.body().indexOf("http")).strip();
        given().get(link).then().statusCode(200).body(org.hamcrest.Matchers.containsString("您对本次调解满意吗？"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("score", "5")
                .formParam("comment", "调解员很耐心").post(link + "/rating").then().statusCode(201);
        // case-service has the rating from the link, by the applicant
        JsonPath rated = await().atMost(PATIENCE).until(() -> given().auth().oauth2(STAFF)
                .get(url(SuiteService.CASE, "/api/cases/" + caseId)).then().extract().jsonPath(),
                k -> !k.getList("ratings").isEmpty());
        assertEquals(5, rated.getInt("ratings[0].score"));
        assertEquals("APPLICANT", rated.getString("ratings[0].partyRole"));
        assertEquals("调解员很耐心", rated.getString("ratings[0].comment"));
    }

    /** The suite runs with its own code at DEBUG and HTTP access logs on (see the failsafe configuration). */
    @Test
    @Order(3)
    void noLogLineOfTheStoryHoldsTheApplicantsIdNumberPhoneOrEmail() throws IOException {
        List<String> lines = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            lines.addAll(Files.readAllLines(suite.logFile(service)));
        }
        // the story is in the logs: requests of every hop, by the access log
        assertTrue(lines.stream().anyMatch(l -> l.contains("POST /api/cases ")), "the access log shows the intake");
        assertTrue(lines.stream().anyMatch(l -> l.contains("/ack")), "the access log shows the proof of service");
        for (String personal : List.of(APPLICANT_ID_NUMBER, APPLICANT_PHONE, APPLICANT_EMAIL)) {
            List<String> leaks = lines.stream().filter(l -> l.contains(personal)).toList();
            assertTrue(leaks.isEmpty(), () -> "personal data in the logs: " + leaks);
        }
    }

    @Test
    @Order(4)
    void everyServiceAnswersWithSecurityHeaders() {
        for (SuiteService service : SuiteService.values()) {
            for (var response : List.of(given().get(url(service, "/api/no-such-thing")),
                    given().auth().oauth2(STAFF).get(url(service, "/api/no-such-thing")))) {
                response.then()
                        .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("X-Frame-Options", "DENY")
                        .header("Referrer-Policy", "no-referrer")
                        .header("Cache-Control", "no-store");
            }
            given().get(url(service, "/q/swagger-ui/")).then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self' 'unsafe-inline'"));
        }
    }

    private static java.util.Optional<SmsGatewaySimulator.Sms> smsToApplicant(LocalChannels channels, String title) {
        return channels.sms().delivered().stream()
                .filter(m -> m.to().equals("+86" + APPLICANT_PHONE) && m.body().contains(title)).findFirst();
    }

    private static String url(SuiteService service, String path) {
        return suite.url(service).resolve(path).toString();
    }

    private static String mediatorToken(String mediatorId) {
        return DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
    }

    private static String caseStatus(String caseId) {
        return given().auth().oauth2(STAFF).get(url(SuiteService.CASE, "/api/cases/" + caseId))
                .then().statusCode(200).extract().path("status");
    }

    private static JsonPath teamOf(String caseId) {
        var response = given().auth().oauth2(STAFF).get(url(SuiteService.MEDIATOR, "/api/teams/by-case/" + caseId));
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static List<Map<String, Object>> openOffers(JsonPath team) {
        return team.getList("offers.findAll { it.status == 'OFFERED' }");
    }

    private static Map<String, Object> openOffer(JsonPath team, String role) {
        return openOffers(team).stream().filter(o -> o.get("role").equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + role + " offer"));
    }

    private static JsonPath notices(String caseId) {
        return given().auth().oauth2(STAFF).queryParam("caseId", caseId).queryParam("size", 100)
                .get(url(SuiteService.NOTIFY, "/api/notices")).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> hearingNotices(String caseId) {
        return notices(caseId).getList("items.findAll { it.kind == 'HEARING_NOTICE' }");
    }

    @SuppressWarnings("unchecked")
    private static boolean sent(Map<String, Object> notice) {
        return ((List<Map<String, Object>>) notice.get("deliveries")).stream()
                .anyMatch(d -> List.of("SENT", "DELIVERED", "ACKNOWLEDGED").contains(d.get("state")));
    }
}
