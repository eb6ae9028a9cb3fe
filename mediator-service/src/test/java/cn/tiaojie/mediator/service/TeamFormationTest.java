package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.client.MediatorTopics;
import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamFormationTest {

    @Inject
    TeamFormation formation;

    private UUID request(TeamRequest.Builder request) {
        TeamRequest built = request.build();
        formation.requestTeam(TeamRequests.of(built));
        return UUID.fromString(built.getCaseId());
    }

    @Test
    void aPoliceOfficerHasTwoHoursToAnswerAndALawyerADay() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.POLICE_OFFICER, world.county);
        world.mediator(MediatorRole.LAWYER, world.county);
        UUID caseId = request(world.caseOf("ROAD_TRAFFIC.PROPERTY_LOSS", AreaLevel.TOWNSHIP));

        Offer police = liveOffer(caseId, MediatorRole.POLICE_OFFICER);
        Offer lawyer = liveOffer(caseId, MediatorRole.LAWYER);
        assertEquals(Duration.ofHours(2), Duration.between(police.offeredAt, police.expiresAt));
        assertEquals(Duration.ofHours(24), Duration.between(lawyer.offeredAt, lawyer.expiresAt));
        // each offer is inserted complete, explanation included, and not updated in the same transaction
        assertEquals(0, police.version);
        assertEquals(0, lawyer.version);
        assertTrue(police.explanation.contains("\"factors\""), police.explanation);
    }

    @Test
    void whenTheListRunsOutTheSupervisorsOfTheCountyAreAlertedAndStaffAssignByHandWithAnAuditedReason() {
        TestWorld world = new TestWorld();
        String only = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String outOfReach = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county + "102");
        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        Offer offer = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(only, offer.mediator.id);
        formation.decline(offer.id, only, "住院");

        assertEquals(TeamStatus.NEEDS_MANUAL_ASSIGNMENT, TestWorld.team(caseId).status);
        List<NoticeRequest> alerts = TestWorld.outbox(MediatorTopics.SEND_NOTICE, NoticeRequest.parser(),
                n -> n.getCaseId().equals(caseId.toString()) && n.getKind() == NoticeKind.ESCALATION_ALERT);
        assertEquals(1, alerts.size());
        assertEquals(RecipientKind.SUPERVISOR, alerts.get(0).getRecipient().getKind());
        assertEquals(world.county, alerts.get(0).getRecipient().getId());
        assertEquals("PEOPLE_MEDIATOR", alerts.get(0).getFieldsOrThrow("role"));

        UUID teamId = TestWorld.team(caseId).id;
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorId\":\"" + outOfReach + "\"}")
                .post("/api/teams/{id}/offers", teamId)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorId\":\"" + outOfReach + "\",\"reason\":\"邻镇调解员愿意接手\"}")
                .post("/api/teams/{id}/offers", teamId)
                .then().statusCode(201).body("offeredBy", equalTo("staff-qx-1"))
                .body("explanation.reason", equalTo("邻镇调解员愿意接手"));
        given().auth().oauth2(STAFF).get("/api/teams/{id}/audit", teamId)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].action", equalTo("ASSIGNED_BY_HAND"))
                .body("[0].mediatorId", equalTo(outOfReach))
                .body("[0].actor", equalTo("staff-qx-1"))
                .body("[0].reason", equalTo("邻镇调解员愿意接手"));
    }

    @Test
    void staffAddAnOptionalRoleOfTheRuleByHandBeforeTheTeamIsFormed() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.COUNSELOR, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        String judge = world.mediator(MediatorRole.JUDGE, world.county);
        UUID caseId = request(world.caseOf("MARRIAGE_FAMILY.DOMESTIC_CONFLICT", AreaLevel.GRID));
        UUID teamId = TestWorld.team(caseId).id;

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"JUDGE\",\"mediatorId\":\"" + judge + "\",\"reason\":\"涉及抚养权，请法官参与\"}")
                .post("/api/teams/{id}/offers", teamId).then().statusCode(201);

        assertEquals(List.of(MediatorRole.COUNSELOR, MediatorRole.SOCIAL_WORKER, MediatorRole.JUDGE),
                TestWorld.team(caseId).requiredRoles);
        given().auth().oauth2(STAFF).get("/api/teams/{id}/audit", teamId)
                .then().statusCode(200).body("action", equalTo(List.of("OPTIONAL_ROLE_ADDED", "ASSIGNED_BY_HAND")));
    }

    @Test
    void manyConcurrentAcceptsAndDeclinesOfOneOfferEndWithExactlyOneOutcome() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestWorld world = new TestWorld();
            String first = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
            world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
            UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
            Offer offer = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
            assertEquals(first, offer.mediator.id);
            String token = mediatorToken(first);

            int threads = 16;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    boolean accept = i % 2 == 0;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return accept
                                ? given().auth().oauth2(token).post("/api/offers/{id}/accept", offer.id).statusCode()
                                : given().auth().oauth2(token).contentType(ContentType.JSON)
                                        .body("{\"reason\":\"临时有事\"}")
                                        .post("/api/offers/{id}/decline", offer.id).statusCode();
                    }));
                }
                go.countDown();
                for (Future<Integer> answer : answers) {
                    int code = answer.get(60, TimeUnit.SECONDS);
                    assertTrue(code == 200 || code == 409, "status " + code);
                }
            } finally {
                pool.shutdownNow();
            }

            OfferStatus outcome = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>findById(offer.id).status);
            assertTrue(outcome == OfferStatus.ACCEPTED || outcome == OfferStatus.DECLINED, "outcome " + outcome);
            long live = QuarkusTransaction.requiringNew().call(() -> Offer.count(
                    "team.caseId = ?1 and status in ?2", caseId, List.of(OfferStatus.OFFERED, OfferStatus.ACCEPTED)));
            assertEquals(1, live);
            long offers = QuarkusTransaction.requiringNew().call(() -> Offer.count("team.caseId", caseId));
            assertEquals(outcome == OfferStatus.ACCEPTED ? 1 : 2, offers);
        }
    }

    @Test
    void requestsRacingForOneCaseFormOneTeamWithOneOfferAndOneNoticePerRole() throws Exception {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        TeamRequest request = world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP).build();
        UUID caseId = UUID.fromString(request.getCaseId());

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TeamFormation.Requested>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return formation.requestTeam(TeamRequests.of(request));
                }));
            }
            go.countDown();
            int created = 0;
            java.util.Set<UUID> teams = new java.util.HashSet<>();
            for (Future<TeamFormation.Requested> answer : answers) {
                TeamFormation.Requested requested = answer.get(60, TimeUnit.SECONDS);
                created += requested.created() ? 1 : 0;
                teams.add(requested.team().id);
            }
            assertEquals(1, created);
            assertEquals(1, teams.size());
        } finally {
            pool.shutdownNow();
        }

        long offers = QuarkusTransaction.requiringNew().call(() -> Offer.count("team.caseId", caseId));
        assertEquals(2, offers);
        assertEquals(List.of(MediatorRole.LAWYER, MediatorRole.SOCIAL_WORKER), TestWorld.team(caseId).requiredRoles);
        assertEquals(2, TestWorld.team(caseId).parties.size());
        List<NoticeRequest> notices = TestWorld.outbox(MediatorTopics.SEND_NOTICE, NoticeRequest.parser(),
                n -> n.getCaseId().equals(caseId.toString()));
        assertEquals(2, notices.size());
    }

    @Test
    void aRuleChangedThroughAnotherReplicaAppliesToTheNextRequestHere() throws Exception {
        TestWorld world = new TestWorld();
        String mediator = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
        // this replica reads the rules and holds them
        UUID before = request(world.caseOf("LAND_FOREST.WATER_USE", AreaLevel.TOWNSHIP));
        assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR), TestWorld.team(before).requiredRoles);
        // an admin on another replica makes a lawyer required: written to the database, this replica is not told
        try (Connection elsewhere = PostgresTestResource.connectAsApplication();
                Statement s = elsewhere.createStatement()) {
            s.executeUpdate("insert into team_rule (code, scope, required_roles, optional_roles, updated_by, updated_at)"
                    + " values ('LAND_FOREST.WATER_USE', 'SUBCATEGORY', 'PEOPLE_MEDIATOR,LAWYER', '', 'admin', now())");
        }
        try {
            UUID after = request(world.caseOf("LAND_FOREST.WATER_USE", AreaLevel.TOWNSHIP));

            assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR, MediatorRole.LAWYER), TestWorld.team(after).requiredRoles);
            assertEquals(List.of(), TestWorld.team(after).optionalRoles);
            assertEquals(lawyer, liveOffer(after, MediatorRole.LAWYER).mediator.id);
            assertEquals(mediator, liveOffer(after, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        } finally {
            try (Connection elsewhere = PostgresTestResource.connectAsApplication();
                    Statement s = elsewhere.createStatement()) {
                s.executeUpdate("delete from team_rule where code = 'LAND_FOREST.WATER_USE'");
            }
        }
    }

    @Test
    void theTeamOfACaseShowsOffersMembersAndExplanationsUnderTheCasePath() {
        TestWorld world = new TestWorld();
        String mediator = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR");
        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        formation.accept(liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).id, mediator);

        given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", caseId)
                .then().statusCode(200)
                .body("status", equalTo("FORMED"))
                .body("members[0].mediatorId", equalTo(mediator))
                .body("offers[0].explanation.factors.expertise", equalTo(20.0f))
                .body("offers[0].explanation.chosenBy", equalTo("matching"));
        given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestWorld.ADMIN).get("/api/cases/{caseId}/team", "not-a-uuid").then().statusCode(404);
    }

    @Test
    void thePreviewRanksWithoutWritingAndExplainsEveryFactorAndExclusion() {
        TestWorld world = new TestWorld();
        String expert = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR.WAGE_ARREARS");
        String conflicted = world.mediator(MediatorRole.LAWYER, world.county);
        world.declareConflict(conflicted, "青溪某某有限公司");
        world.mediator(MediatorRole.SOCIAL_WORKER, world.township());
        long offersBefore = QuarkusTransaction.requiringNew().call(() -> Offer.count());

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("""
                        {"subcategory":"LABOUR.WAGE_ARREARS","areaCode":"%s",
                         "parties":[{"name":"张三","language":"zh-CN"},{"name":"青溪某某有限公司","organization":true}]}"""
                        .formatted(world.village()))
                .post("/api/match/preview")
                .then().statusCode(200)
                .body("requiredRoles", equalTo(List.of("LAWYER", "SOCIAL_WORKER")))
                .body("weights.rotation", org.hamcrest.Matchers.notNullValue())
                .body("rankings[0].candidates[0].mediatorId", equalTo(expert))
                .body("rankings[0].candidates[0].factors.expertise", equalTo(30.0f))
                .body("rankings[0].excluded[0].mediatorId", equalTo(conflicted))
                .body("rankings[0].excluded[0].rule", equalTo("DECLARED_RELATION"))
                .body("rankings[1].candidates[0].factors.proximity", equalTo(8.0f));
        assertEquals(offersBefore, (long) QuarkusTransaction.requiringNew().call(() -> Offer.count()));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"subcategory\":\"NO.SUCH\",\"areaCode\":\"12\",\"parties\":[{\"phone\":\"abc\"}]}")
                .post("/api/match/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("areaCode"));
        given().auth().oauth2(mediatorToken(expert)).contentType(ContentType.JSON)
                .body("{\"subcategory\":\"LABOUR.WAGE_ARREARS\",\"areaCode\":\"330999\"}")
                .post("/api/match/preview").then().statusCode(403);
    }
}
