package cn.tiaojie.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static cn.tiaojie.cases.Fixtures.register;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.Fixtures;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.local.DevTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    @Test
    void staffRegisterADisputeThatStartsReceivedAtItsSubcategoryLevel() {
        String phone = Fixtures.mobile();
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(wageDispute(phone, Fixtures.idNumber()))
                .post("/api/cases")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/cases/[0-9a-f-]{36}"))
                .body("status", equalTo("RECEIVED"))
                .body("level", equalTo("TOWNSHIP"))
                .body("caseNo", matchesPattern("TJ\\d{10}"))
                .body("deadline", notNullValue())
                .body("step", equalTo("FILE"))
                .body("stepDeadline", notNullValue())
                .body("urgent", equalTo(false))
                // the answer carries no personal data: parties are read with GET, masked or not by who asks
                .body("parties", nullValue());
    }

    @Test
    void theCentersStaffSeePhoneAndIdInFullOthersSeeThemMasked() {
        String phone = Fixtures.mobile();
        String idNumber = Fixtures.idNumber();
        String id = register(wageDispute(phone, idNumber));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .body("parties[0].phone", equalTo(phone))
                .body("parties[0].idNumber", equalTo(idNumber));
        given().auth().oauth2(Fixtures.COUNTY_SUPERVISOR).get("/api/cases/{id}", id).then().statusCode(200)
                .body("parties[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("parties[0].idNumber", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)));
        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("parties[0].id");
        String resident = DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", id)
                .claim("partyId", partyId).sign();
        given().auth().oauth2(resident).get("/api/cases/{id}", id).then().statusCode(200)
                .body("parties[0].phone", equalTo(phone))
                .body("parties[1].phone", equalTo("057****6666"));
    }

    @Test
    void riskFlagsRaiseTheLevelAndMakeTheCaseUrgentWithShorterSteps() {
        String calm = register(wageDispute());
        String tense = register(wageDispute().replace("\"riskFlags\":[]", "\"riskFlags\":[\"VIOLENCE_THREAT\"]"));
        String calmStep = given().auth().oauth2(STAFF).get("/api/cases/{id}", calm).then().extract().path("stepDeadline");
        given().auth().oauth2(STAFF).get("/api/cases/{id}", tense).then()
                .body("level", equalTo("COUNTY"))
                .body("urgent", equalTo(true))
                .body("stepDeadline", lessThan(calmStep));
    }

    @Test
    void aCourtReferralNeedsItsReferenceAndResolvesWithinThirtyDays() {
        String referral = wageDispute().replace("WALK_IN", "COURT_REFERRAL");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(referral).post("/api/cases")
                .then().statusCode(400).body("errors.field", hasItem("referral"));
        String withReference = referral.replace("\"riskFlags\":[]",
                "\"riskFlags\":[],\"referral\":{\"source\":\"青溪县人民法院\",\"reference\":\"(2025)浙0999民诉前调123号\"}");
        String deadline = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(withReference).post("/api/cases")
                .then().statusCode(201).extract().path("deadline");
        assertTrue(Instant.parse(deadline).isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60)));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyAnswersWithTheFirstCase() {
        String body = wageDispute();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/cases").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        given().auth().oauth2(STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(wageDispute()).post("/api/cases").then().statusCode(422);
    }

    @Test
    void theSameDisputeWithinThirtyDaysIs409WithTheExistingCaseUnlessLinked() {
        String phone = Fixtures.mobile();
        String idNumber = Fixtures.idNumber();
        String first = register(wageDispute(phone, idNumber));
        long before = QuarkusTransaction.requiringNew().call(() -> DisputeCase.count());
        // the same applicant, the phone written differently: still the same person
        String again = wageDispute("+86 " + phone.substring(0, 3) + "-" + phone.substring(3), idNumber);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(again).post("/api/cases")
                .then().statusCode(409).contentType("application/problem+json")
                .body("existingCase.id", equalTo(first));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> DisputeCase.count()));

        String linked = again.replace("\"riskFlags\":[]", "\"riskFlags\":[],\"linkedCaseId\":\"" + first + "\"");
        String second = register(linked);
        given().auth().oauth2(STAFF).get("/api/cases/{id}", second).then().body("linkedCaseId", equalTo(first));
    }

    @Test
    void invalidPhoneIdNumberAndTooLongTextAreNamedAndNothingIsWritten() {
        long before = QuarkusTransaction.requiringNew().call(() -> DisputeCase.count());
        String body = wageDispute("12345", "330999199001011230")
                .replace("拖欠三个月工资", "长".repeat(201))
                .replace("\"amountInDispute\":18600.00", "\"amountInDispute\":\"lots\"");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).post("/api/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amountInDispute"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(wageDispute("12345", "330999199001011230").replace("拖欠三个月工资", "长".repeat(201)))
                .post("/api/cases")
                .then().statusCode(400)
                .body("errors.field", hasItem("parties[0].phone"))
                .body("errors.field", hasItem("parties[0].idNumber"))
                .body("errors.field", hasItem("summary"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(wageDispute().replace("\"riskFlags\":[]", "\"riskFlags\":[\"ALIENS\"]"))
                .post("/api/cases").then().statusCode(400);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(wageDispute().replace("\"role\":\"RESPONDENT\"", "\"role\":\"THIRD_PARTY\""))
                .post("/api/cases").then().statusCode(400).body("errors.message", hasItem("needs a RESPONDENT"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> DisputeCase.count()));
    }

    @Test
    void theListFiltersAndABadFilterValueIs400NamingIt() {
        String id = register(wageDispute().replace("拖欠三个月工资", "拖欠工资 XQ-" + UUID.randomUUID().toString().substring(0, 6)));
        String text = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("summary");
        given().auth().oauth2(STAFF).queryParam("text", text.substring(text.indexOf("XQ-"))).queryParam("status", "RECEIVED")
                .queryParam("category", "LABOUR").queryParam("channel", "WALK_IN").queryParam("level", "TOWNSHIP")
                .queryParam("overdue", "false")
                .get("/api/cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(STAFF).queryParam("status", "SLEEPING").get("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(STAFF).queryParam("category", "ASTROLOGY").get("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        given().auth().oauth2(STAFF).queryParam("size", "lots").get("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(OTHER_STAFF).queryParam("text", text.substring(text.indexOf("XQ-"))).get("/api/cases")
                .then().statusCode(200).body("total", equalTo(0));
        String caseNo = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("caseNo");
        for (String typed : new String[] {caseNo, caseNo.toLowerCase(java.util.Locale.ROOT), caseNo.substring(6)}) {
            given().auth().oauth2(STAFF).queryParam("text", typed).get("/api/cases").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void theListSortsByCreationDeadlineOrNumberAndFiltersOnTheRunningStepsSlaState() {
        String marker = "SQ-" + UUID.randomUUID().toString().substring(0, 6);
        String first = register(marked(marker));
        String withdrawn = register(marked(marker));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"双方已自行和解\"}")
                .post("/api/cases/{id}/withdraw", withdrawn).then().statusCode(200);
        String overdue = register(marked(marker));
        // as supervision would leave it: the step's deadline passed
        QuarkusTransaction.requiringNew().run(() -> DisputeCase.update(
                "stepDeadline = ?1, slaState = ?2 where id = ?3", Instant.now().minus(Duration.ofHours(1)),
                SlaState.OVERDUE, UUID.fromString(overdue)));

        assertEquals(List.of(overdue, withdrawn, first), listed(marker, "sort", null));
        assertEquals(List.of(overdue, withdrawn, first), listed(marker, "sort", "newest"));
        assertEquals(List.of(first, withdrawn, overdue), listed(marker, "sort", "oldest"));
        assertEquals(List.of(overdue, first, withdrawn), listed(marker, "sort", "deadline"));
        List<String> byNumber = List.of(first, withdrawn, overdue).stream()
                .sorted(java.util.Comparator.comparing(id -> caseNo(id))).toList();
        assertEquals(byNumber, listed(marker, "sort", "caseNo"));
        given().auth().oauth2(STAFF).queryParam("text", marker).queryParam("sort", "oldest")
                .queryParam("size", 1).queryParam("page", 1).get("/api/cases").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(withdrawn)));

        assertEquals(List.of(overdue), listed(marker, "sla", "OVERDUE"));
        // the withdrawn case runs no step: it has no SLA state to match
        assertEquals(List.of(first), listed(marker, "sla", "ON_TRACK"));
        assertEquals(List.of(), listed(marker, "sla", "DUE_SOON"));

        given().auth().oauth2(STAFF).queryParam("sla", "LATE").get("/api/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sla"));
        given().auth().oauth2(STAFF).queryParam("sort", "priority").get("/api/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", equalTo("must be one of [newest, oldest, deadline, caseNo]"));
    }

    @Test
    void theCountsCoverTheListsScopeByStatusAndBySlaState() {
        Map<String, Map<String, Object>> before = Map.of("staff", counts(STAFF), "other", counts(OTHER_STAFF),
                "supervisor", counts(Fixtures.COUNTY_SUPERVISOR), "outside", counts(Fixtures.OTHER_SUPERVISOR),
                "admin", counts(Fixtures.ADMIN));
        register(wageDispute());
        String withdrawn = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"申请人撤回\"}")
                .post("/api/cases/{id}/withdraw", withdrawn).then().statusCode(200);

        Map<String, Object> staff = counts(STAFF);
        assertEquals(List.of(CaseStatus.values()).stream().map(Enum::name).toList(),
                List.copyOf(byStatus(staff).keySet()));
        assertEquals(List.of("ON_TRACK", "DUE_SOON", "OVERDUE"), List.copyOf(bySla(staff).keySet()));
        assertEquals(total(before.get("staff")) + 2, total(staff));
        assertEquals(byStatus(before.get("staff")).get("RECEIVED") + 1, byStatus(staff).get("RECEIVED"));
        assertEquals(byStatus(before.get("staff")).get("WITHDRAWN") + 1, byStatus(staff).get("WITHDRAWN"));
        // only the case still in a step is on track
        assertEquals(bySla(before.get("staff")).get("ON_TRACK") + 1, bySla(staff).get("ON_TRACK"));
        assertEquals(total(staff), byStatus(staff).values().stream().mapToLong(Long::longValue).sum());
        assertEquals(total(staff), (long) given().auth().oauth2(STAFF).get("/api/cases").then().statusCode(200)
                .extract().<Integer>path("total"));

        assertEquals(total(before.get("supervisor")) + 2, total(counts(Fixtures.COUNTY_SUPERVISOR)));
        assertEquals(total(before.get("admin")) + 2, total(counts(Fixtures.ADMIN)));
        assertEquals(total(before.get("other")), total(counts(OTHER_STAFF)));
        assertEquals(total(before.get("outside")), total(counts(Fixtures.OTHER_SUPERVISOR)));
    }

    @Test
    void filingPutsATeamRequestInTheOutboxInTheSameTransaction() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id)
                .then().statusCode(200).body("status", equalTo("FILED"));

        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("topic", CaseTopics.REQUEST_TEAM));
        TeamRequest request = messages.stream().map(m -> parse(m.payload)).filter(r -> r.getCaseId().equals(id))
                .findFirst().orElseThrow();
        assertEquals("LABOUR.WAGE_ARREARS", request.getSubcategory());
        assertEquals(2, request.getPartiesCount());

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id)
                .then().statusCode(200)
                .body("timeline.type", hasItem("FILED"));
    }

    @Test
    void filingTwiceIsAnIllegalTransition() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).header("If-Match", "\"99\"").post("/api/cases/{id}/file", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void badInputIs400NamingEachFieldAndWritesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> DisputeCase.count());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("""
                        {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"12",
                         "summary":"","amountInDispute":-5,"parties":[]}""")
                .post("/api/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("areaCode"))
                .body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("amountInDispute"))
                .body("errors.field", hasItem("parties"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(wageDispute().replace("LABOUR.WAGE_ARREARS", "NO.SUCH_CODE"))
                .post("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("subcategory"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(wageDispute().replace("WALK_IN", "CARRIER_PIGEON"))
                .post("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> DisputeCase.count()));
    }

    @Test
    void staffOfAnotherCenterCannotSeeTheCase() {
        String id = register(wageDispute());
        given().auth().oauth2(OTHER_STAFF).get("/api/cases/{id}", id).then().statusCode(404);
        given().auth().oauth2(OTHER_STAFF).post("/api/cases/{id}/file", id).then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().get("/api/cases").then().statusCode(401);
        given().get("/api/taxonomy").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void taxonomyListsTheSharedCategories() {
        given().auth().oauth2(STAFF).get("/api/taxonomy")
                .then().statusCode(200)
                .body("categories.code", hasItem("LABOUR"))
                .body("categories.code", hasItem("FISHERY_MARITIME"))
                .body("categories.size()", greaterThanOrEqualTo(14))
                .body("categories.subcategories.flatten().size()", greaterThanOrEqualTo(70))
                .body("categories.subcategories.flatten().findAll { it.slaHours.resolution > 0 && it.department != null && it.requiredRoles.size() > 0 }.size()",
                        greaterThanOrEqualTo(70))
                .body("courtReferralResolutionHours", equalTo(720))
                .body("roles.code", hasItem("PEOPLE_MEDIATOR"));
    }

    /** A fresh wage dispute whose summary holds {@code marker}. */
    private static String marked(String marker) {
        return wageDispute().replace("拖欠三个月工资", "拖欠工资 " + marker);
    }

    /** The ids of the caller's cases whose summary holds {@code marker}, with one more query parameter. */
    private static List<String> listed(String marker, String name, String value) {
        var request = given().auth().oauth2(STAFF).queryParam("text", marker);
        if (value != null) {
            request.queryParam(name, value);
        }
        return request.get("/api/cases").then().statusCode(200).extract().path("items.id");
    }

    private static String caseNo(String id) {
        return given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("caseNo");
    }

    private static Map<String, Object> counts(String token) {
        return given().auth().oauth2(token).get("/api/cases/counts").then().statusCode(200).extract().path("");
    }

    private static long total(Map<String, Object> counts) {
        return ((Number) counts.get("total")).longValue();
    }

    private static Map<String, Long> byStatus(Map<String, Object> counts) {
        return numbers(counts.get("byStatus"));
    }

    private static Map<String, Long> bySla(Map<String, Object> counts) {
        return numbers(counts.get("bySla"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> numbers(Object group) {
        Map<String, Long> numbers = new java.util.LinkedHashMap<>();
        ((Map<String, Number>) group).forEach((key, n) -> numbers.put(key, n.longValue()));
        return numbers;
    }

    private static TeamRequest parse(byte[] payload) {
        try {
            return TeamRequest.parseFrom(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
