package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static cn.tiaojie.mediator.TestWorld.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.MediatorStatus;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.client.MediatorTopics;
import cn.tiaojie.mediator.service.TeamFormation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferResourceTest {

    @Inject
    TeamFormation formation;

    /** LABOUR.WAGE_ARREARS needs a lawyer and a social worker and is handled at township level. */
    private UUID wageCase(TestWorld world) {
        TeamRequest request = world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP).build();
        formation.requestTeam(TeamRequests.of(request));
        return UUID.fromString(request.getCaseId());
    }

    @Test
    void whenEveryRequiredRoleAcceptsTheTeamIsFormedAndCaseServiceIsTold() {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR");
        String socialWorker = world.mediator(MediatorRole.SOCIAL_WORKER, world.township(), "LABOUR");
        UUID caseId = wageCase(world);

        List<NoticeRequest> notices = TestWorld.outbox(MediatorTopics.SEND_NOTICE, NoticeRequest.parser(),
                n -> n.getCaseId().equals(caseId.toString()));
        assertEquals(2, notices.size());
        assertTrue(notices.stream().allMatch(n -> n.getKind() == NoticeKind.ASSIGNMENT_OFFER));
        assertEquals(List.of(lawyer, socialWorker), notices.stream().map(n -> n.getRecipient().getId()).sorted().toList());

        Offer lawyerOffer = liveOffer(caseId, MediatorRole.LAWYER);
        given().auth().oauth2(mediatorToken(lawyer)).post("/api/offers/{id}/accept", lawyerOffer.id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        assertEquals(TeamStatus.FORMING, team(caseId).status);
        assertTrue(TestWorld.outbox(MediatorTopics.RECORD_TEAM_ASSIGNED, TeamAssigned.parser(),
                m -> m.getCaseId().equals(caseId.toString())).isEmpty());

        Offer socialWorkerOffer = liveOffer(caseId, MediatorRole.SOCIAL_WORKER);
        given().auth().oauth2(mediatorToken(socialWorker)).post("/api/offers/{id}/accept", socialWorkerOffer.id)
                .then().statusCode(200);

        Team team = team(caseId);
        assertEquals(TeamStatus.FORMED, team.status);
        List<TeamAssigned> assigned = TestWorld.outbox(MediatorTopics.RECORD_TEAM_ASSIGNED, TeamAssigned.parser(),
                m -> m.getCaseId().equals(caseId.toString()));
        assertEquals(1, assigned.size());
        assertEquals(team.id.toString(), assigned.get(0).getTeamId());
        assertEquals(List.of(lawyer, socialWorker),
                assigned.get(0).getMembersList().stream().map(m -> m.getMediatorId()).toList());
        assertEquals("13900001111", assigned.get(0).getMembers(0).getPhone());
    }

    @Test
    void aMediatorsWorkloadCountsOpenCasesAndTheMonthsAnswers() {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR");
        String otherLawyer = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county, "LABOUR");
        UUID accepted = wageCase(world);
        given().auth().oauth2(mediatorToken(lawyer)).post("/api/offers/{id}/accept",
                liveOffer(accepted, MediatorRole.LAWYER).id).then().statusCode(200);
        UUID declined = wageCase(world);
        given().auth().oauth2(mediatorToken(lawyer)).contentType(ContentType.JSON).body("{\"reason\":\"出庭\"}")
                .post("/api/offers/{id}/decline", liveOffer(declined, MediatorRole.LAWYER).id).then().statusCode(200);
        // the other lawyer, who took the declined case, goes on leave: the third case's offer is the lawyer's
        QuarkusTransaction.requiringNew().run(() -> Mediator.<Mediator>findById(otherLawyer).status = MediatorStatus.ON_LEAVE);
        UUID open = wageCase(world);
        assertEquals(lawyer, liveOffer(open, MediatorRole.LAWYER).mediator.id);

        given().auth().oauth2(TestWorld.ADMIN).get("/api/mediators/{id}/workload", lawyer).then().statusCode(200)
                // the accepted place and the third case's live offer are open; the declined one is not
                .body("openCases", equalTo(2)).body("capacity", equalTo(5))
                .body("offersSince.ACCEPTED", equalTo(1)).body("offersSince.DECLINED", equalTo(1))
                .body("offersSince.OFFERED", equalTo(1)).body("offersSince.EXPIRED", equalTo(0))
                .body("latestOffers", hasSize(3)).body("latestOffers[1].declineReason", equalTo("出庭"));
        given().auth().oauth2(mediatorToken(lawyer)).get("/api/mediators/{id}/workload", lawyer).then()
                .statusCode(200).body("openCases", equalTo(2));
        given().auth().oauth2(mediatorToken(otherLawyer)).get("/api/mediators/{id}/workload", lawyer).then()
                .statusCode(403);
        given().auth().oauth2(TestWorld.ADMIN).get("/api/mediators/{id}/workload", "M99999").then().statusCode(404);
    }

    @Test
    void aDeclinedOfferGoesToTheNextCandidateAndIsNotOfferedToTheSameMediatorAgain() {
        TestWorld world = new TestWorld();
        String expert = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR.WAGE_ARREARS");
        String generalist = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);

        Offer first = liveOffer(caseId, MediatorRole.LAWYER);
        assertEquals(expert, first.mediator.id);
        given().auth().oauth2(mediatorToken(expert)).contentType(ContentType.JSON)
                .body("{\"reason\":\"本周在外地开庭\"}")
                .post("/api/offers/{id}/decline", first.id)
                .then().statusCode(200).body("status", equalTo("DECLINED"));

        Offer second = liveOffer(caseId, MediatorRole.LAWYER);
        assertEquals(generalist, second.mediator.id);
        assertEquals(TeamStatus.FORMING, team(caseId).status);

        given().auth().oauth2(mediatorToken(generalist)).contentType(ContentType.JSON).body("{\"reason\":\"回避\"}")
                .post("/api/offers/{id}/decline", second.id).then().statusCode(200);
        Team team = team(caseId);
        assertTrue(team.liveOffer(MediatorRole.LAWYER).isEmpty());
        assertEquals(TeamStatus.NEEDS_MANUAL_ASSIGNMENT, team.status);
    }

    @Test
    void aDeclineNeedsAReasonAndChangesNothingWithoutOne() {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);
        Offer offer = liveOffer(caseId, MediatorRole.LAWYER);

        given().auth().oauth2(mediatorToken(lawyer)).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/offers/{id}/decline", offer.id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        assertEquals(OfferStatus.OFFERED, liveOffer(caseId, MediatorRole.LAWYER).status);
    }

    @Test
    void aMediatorAnswersOnlyTheirOwnOffers() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.LAWYER, world.county);
        String socialWorker = world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);
        Offer lawyerOffer = liveOffer(caseId, MediatorRole.LAWYER);

        given().auth().oauth2(mediatorToken(socialWorker)).post("/api/offers/{id}/accept", lawyerOffer.id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(STAFF).post("/api/offers/{id}/accept", lawyerOffer.id).then().statusCode(403);
        given().post("/api/offers/{id}/accept", lawyerOffer.id).then().statusCode(401);
        assertEquals(OfferStatus.OFFERED, liveOffer(caseId, MediatorRole.LAWYER).status);
    }

    @Test
    void acceptingTwiceChangesNothingButADeclinedOfferCannotBeAccepted() {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
        String socialWorker = world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);
        Offer lawyerOffer = liveOffer(caseId, MediatorRole.LAWYER);
        Offer socialWorkerOffer = liveOffer(caseId, MediatorRole.SOCIAL_WORKER);

        given().auth().oauth2(mediatorToken(lawyer)).post("/api/offers/{id}/accept", lawyerOffer.id).then().statusCode(200);
        given().auth().oauth2(mediatorToken(lawyer)).post("/api/offers/{id}/accept", lawyerOffer.id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        given().auth().oauth2(mediatorToken(socialWorker)).contentType(ContentType.JSON).body("{\"reason\":\"病假\"}")
                .post("/api/offers/{id}/decline", socialWorkerOffer.id).then().statusCode(200);
        given().auth().oauth2(mediatorToken(socialWorker)).post("/api/offers/{id}/accept", socialWorkerOffer.id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anExpiredOfferIsRefusedAndTheSweepOffersTheRoleToTheNextCandidate() {
        TestWorld world = new TestWorld();
        String slow = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR");
        String next = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);
        Offer offer = liveOffer(caseId, MediatorRole.LAWYER);
        assertEquals(slow, offer.mediator.id);
        QuarkusTransaction.requiringNew().run(() -> Offer.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(60), offer.id));

        given().auth().oauth2(mediatorToken(slow)).post("/api/offers/{id}/accept", offer.id)
                .then().statusCode(409);

        assertTrue(formation.expireDue() >= 1);
        assertEquals(OfferStatus.EXPIRED, QuarkusTransaction.requiringNew()
                .call(() -> Offer.<Offer>findById(offer.id).status));
        assertEquals(next, liveOffer(caseId, MediatorRole.LAWYER).mediator.id);
    }

    @Test
    void whenNoCandidateIsLeftStaffAssignSomeoneByHand() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        // a lawyer of this county who declared a conflict with the respondent, and one outside the handling area
        String conflicted = world.mediator(MediatorRole.LAWYER, world.county);
        world.declareConflict(conflicted, "青溪某某有限公司");
        String villageLawyer = world.mediator(MediatorRole.LAWYER, world.village());
        UUID caseId = wageCase(world);
        Team team = team(caseId);
        assertEquals(TeamStatus.NEEDS_MANUAL_ASSIGNMENT, team.status);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"LAWYER\",\"mediatorId\":\"" + conflicted + "\",\"reason\":\"无人可派\"}")
                .post("/api/teams/{id}/offers", team.id)
                .then().statusCode(409);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"JUDGE\",\"mediatorId\":\"" + villageLawyer + "\",\"reason\":\"无人可派\"}")
                .post("/api/teams/{id}/offers", team.id)
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"LAWYER\",\"mediatorId\":\"" + villageLawyer + "\",\"reason\":\"村里的律师熟悉情况\"}")
                .post("/api/teams/{id}/offers", team.id)
                .then().statusCode(201).body("mediatorId", equalTo(villageLawyer)).body("offeredBy", equalTo("staff-qx-1"));
        assertEquals(TeamStatus.FORMING, team(caseId).status);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"LAWYER\",\"mediatorId\":\"" + villageLawyer + "\",\"reason\":\"村里的律师熟悉情况\"}")
                .post("/api/teams/{id}/offers", team.id)
                .then().statusCode(409);
    }

    @Test
    void concurrentAcceptAndDeclineOfOneOfferEndWithExactlyOneOutcome() throws Exception {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = wageCase(world);
        Offer offer = liveOffer(caseId, MediatorRole.LAWYER);
        String token = mediatorToken(lawyer);

        List<Integer> codes = atOnce(
                () -> given().auth().oauth2(token).post("/api/offers/{id}/accept", offer.id).statusCode(),
                () -> given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"改主意了\"}")
                        .post("/api/offers/{id}/decline", offer.id).statusCode());

        assertEquals(List.of(200, 409), codes.stream().sorted().toList());
        OfferStatus outcome = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>findById(offer.id).status);
        assertEquals(codes.get(0) == 200 ? OfferStatus.ACCEPTED : OfferStatus.DECLINED, outcome);
        long liveLawyerOffers = QuarkusTransaction.requiringNew().call(() -> Offer.count(
                "team.caseId = ?1 and role = ?2 and status in ?3", caseId, MediatorRole.LAWYER,
                List.of(OfferStatus.OFFERED, OfferStatus.ACCEPTED)));
        assertEquals(1, liveLawyerOffers);
    }

    @Test
    void theLastRolesAcceptedAtTheSameTimeFormTheTeamExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestWorld world = new TestWorld();
            String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
            String socialWorker = world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
            UUID caseId = wageCase(world);
            Offer lawyerOffer = liveOffer(caseId, MediatorRole.LAWYER);
            Offer socialWorkerOffer = liveOffer(caseId, MediatorRole.SOCIAL_WORKER);

            List<Integer> codes = atOnce(
                    () -> given().auth().oauth2(mediatorToken(lawyer))
                            .post("/api/offers/{id}/accept", lawyerOffer.id).statusCode(),
                    () -> given().auth().oauth2(mediatorToken(socialWorker))
                            .post("/api/offers/{id}/accept", socialWorkerOffer.id).statusCode());

            assertEquals(List.of(200, 200), codes);
            assertEquals(TeamStatus.FORMED, team(caseId).status);
            List<TeamAssigned> assigned = TestWorld.outbox(MediatorTopics.RECORD_TEAM_ASSIGNED, TeamAssigned.parser(),
                    m -> m.getCaseId().equals(caseId.toString()));
            assertEquals(1, assigned.size());
            assertEquals(2, assigned.get(0).getMembersCount());
        }
    }

    /** Runs both calls from two threads released together; their answers in the order given. */
    private static List<Integer> atOnce(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> a = threads.submit(() -> {
                go.await();
                return first.call();
            });
            Future<Integer> b = threads.submit(() -> {
                go.await();
                return second.call();
            });
            go.countDown();
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theInboxListsOnlyTheCallersOffers() {
        TestWorld world = new TestWorld();
        String lawyer = world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID first = wageCase(world);
        UUID second = wageCase(world);

        given().auth().oauth2(mediatorToken(lawyer)).queryParam("status", "OFFERED").get("/api/offers")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("role", equalTo(List.of("LAWYER", "LAWYER")))
                .body("caseId", containsInAnyOrder(first.toString(), second.toString()));
    }
}
