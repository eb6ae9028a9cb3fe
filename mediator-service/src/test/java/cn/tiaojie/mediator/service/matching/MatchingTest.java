package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.mediator.service.privacy.PartyKeys;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.ChinaTime;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.platform.grpc.ProtoTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchingTest {

    @Inject
    TeamFormation formation;

    @Inject
    Matching matching;

    private UUID request(TeamRequest.Builder request) {
        TeamRequest built = request.build();
        formation.requestTeam(TeamRequests.of(built));
        return UUID.fromString(built.getCaseId());
    }

    @Test
    void expertiseOutranksProximityAndTheCandidatesShowWhy() {
        TestWorld world = new TestWorld();
        String nearby = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.village());
        String categoryExpert = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR");
        String subcategoryExpert = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));

        assertEquals(subcategoryExpert, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        given().auth().oauth2(mediatorToken(subcategoryExpert)).get("/api/offers")
                .then().statusCode(200)
                .body("[0].score", equalTo(38.0f))
                .body("[0].explanation.factors.expertise", equalTo(30.0f))
                .body("[0].explanation.excluded", hasSize(0))
                .body("[0].explanation.runnersUp.mediatorId", equalTo(List.of(categoryExpert, nearby)))
                .body("[0].explanation.factors.rating", equalTo(8.0f))
                .body("[0].explanation.factors.rotation", equalTo(0.0f));
        Team team = TestWorld.team(caseId);
        given().auth().oauth2(STAFF).queryParam("role", "PEOPLE_MEDIATOR").get("/api/teams/{id}/candidates", team.id)
                .then().statusCode(200)
                .body("candidates.mediatorId", equalTo(List.of(categoryExpert, nearby)))
                .body("candidates[0].factors.expertise", equalTo(20.0f))
                .body("candidates[1].factors.proximity", equalTo(16.0f))
                .body("excluded.find { it.mediatorId == '" + subcategoryExpert + "' }.rule",
                        equalTo("ALREADY_OFFERED"));
    }

    @Test
    void hardRulesExcludeInactiveConflictedFullAndOutOfAreaMediators() {
        TestWorld world = new TestWorld();
        String conflicted = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        world.declareConflict(conflicted, " 张三 ");
        String full = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, 1, List.of("zh-CN"), "NEIGHBOUR.NOISE");
        String otherVillage = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county + "101002");
        String eligible = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID)); // fills the capacity of one
        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));

        assertEquals(eligible, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        given().auth().oauth2(STAFF).queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/teams/{id}/candidates", TestWorld.team(caseId).id)
                .then().statusCode(200)
                .body("excluded.find { it.mediatorId == '" + conflicted + "' }.rule", equalTo("DECLARED_RELATION"))
                .body("excluded.find { it.mediatorId == '" + full + "' }.rule", equalTo("AT_CAPACITY"))
                .body("excluded.find { it.mediatorId == '" + full + "' }.detail", equalTo("at capacity (1 of 1 open cases)"))
                // out of reach is decided by the query itself: neither a candidate nor an exclusion
                .body("candidates.mediatorId", not(hasItem(otherVillage)))
                .body("excluded.mediatorId", not(hasItem(otherVillage)));
    }

    @Test
    void aPartysForeignLanguageFavoursAMediatorWhoSpeaksIt() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.township());
        String speaksEnglish = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, 5, List.of("zh-CN", "en"));
        TeamRequest.Builder request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID);
        request.setParties(0, request.getParties(0).toBuilder().setLanguage("en-GB"));
        UUID caseId = request(request);

        assertEquals(speaksEnglish, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
    }

    @Test
    void rotationOffersTheNextCaseToWhoeverWasOfferedOneLongestAgo() {
        TestWorld world = new TestWorld();
        String first = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String second = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        world.declareConflict(second, "青溪某某有限公司");
        UUID earlier = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        Offer offer = liveOffer(earlier, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(first, offer.mediator.id);
        given().auth().oauth2(mediatorToken(first)).contentType(ContentType.JSON).body("{\"reason\":\"出差\"}")
                .post("/api/offers/{id}/decline", offer.id).then().statusCode(200);

        // equal scores and no load: the one never offered a case goes first, although the other sorts first by id
        TeamRequest.Builder later = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID);
        later.setParties(1, later.getParties(1).toBuilder().setName("另一家公司"));
        assertEquals(second, liveOffer(request(later), MediatorRole.PEOPLE_MEDIATOR).mediator.id);
    }

    @Test
    void aThreatOfViolenceAddsAPoliceOfficerWhoHasTwoHoursToAnswer() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String police = world.mediator(MediatorRole.POLICE_OFFICER, world.county);
        UUID calm = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        UUID threatening = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).addRiskFlags("VIOLENCE_THREAT"));

        assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR), TestWorld.team(calm).requiredRoles);
        assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR, MediatorRole.POLICE_OFFICER),
                TestWorld.team(threatening).requiredRoles);
        Offer policeOffer = liveOffer(threatening, MediatorRole.POLICE_OFFICER);
        assertEquals(police, policeOffer.mediator.id);
        assertEquals(2 * 60, Duration.between(policeOffer.offeredAt, policeOffer.expiresAt).toMinutes());
        // the risk flag caps every other role's time at four hours
        Offer mediatorOffer = liveOffer(threatening, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(4 * 60, Duration.between(mediatorOffer.offeredAt, mediatorOffer.expiresAt).toMinutes());
        Offer calmOffer = liveOffer(calm, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(24 * 60, Duration.between(calmOffer.offeredAt, calmOffer.expiresAt).toMinutes());
    }

    @Test
    void theDemoPoolOffersABaixiWageDisputeToTheBaixiLabourLawyerAndSocialWorker() {
        TeamRequest request = new TestWorld().caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP)
                .setAreaCode("330999102003")
                .build();
        formation.requestTeam(TeamRequests.of(request));
        UUID caseId = UUID.fromString(request.getCaseId());

        assertEquals(List.of(MediatorRole.LAWYER, MediatorRole.SOCIAL_WORKER), TestWorld.team(caseId).requiredRoles);
        // 郭伟 (M016) is the 白溪 labour lawyer; 萧婷 (M030) the 白溪 social worker who knows labour disputes
        assertEquals("M016", liveOffer(caseId, MediatorRole.LAWYER).mediator.id);
        assertEquals("M030", liveOffer(caseId, MediatorRole.SOCIAL_WORKER).mediator.id);
        // 程伟 (M031) works in 石门乡, outside the township handling the case
        given().auth().oauth2(STAFF).queryParam("role", "SOCIAL_WORKER")
                .get("/api/teams/{id}/candidates", TestWorld.team(caseId).id)
                .then().statusCode(200)
                .body("candidates.mediatorId", not(hasItem("M031")));
    }

    @Test
    void aMediatorWithNoFreeTimeBeforeTheDeadlineIsExcludedAsUnavailable() {
        TestWorld world = new TestWorld();
        Instant now = Instant.now();
        Instant deadline = now.plus(Duration.ofDays(3));
        // the best-scored three have no free hour in the next three days; the other two have
        String onLeave = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        away(onLeave, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        String sitsLater = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        weeklyHours(sitsLater, deadline.plus(Duration.ofDays(2)).atZone(ChinaTime.ZONE).getDayOfWeek());
        String awayWhenSitting = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        for (DayOfWeek day : DayOfWeek.values()) {
            weeklyHours(awayWhenSitting, day);
        }
        // away every day of the window during the hours kept, free outside them: still no hour to sit
        for (int d = -1; d <= 4; d++) {
            LocalDate date = now.atZone(ChinaTime.ZONE).toLocalDate().plusDays(d);
            away(awayWhenSitting, date.atTime(8, 0).atZone(ChinaTime.ZONE).toInstant(),
                    date.atTime(18, 0).atZone(ChinaTime.ZONE).toInstant());
        }
        String partlyAway = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR");
        for (DayOfWeek day : DayOfWeek.values()) {
            weeklyHours(partlyAway, day);
        }
        away(partlyAway, now, now.plus(Duration.ofDays(1)));
        String noPattern = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);

        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).setDeadline(ProtoTime.of(deadline)));

        assertEquals(partlyAway, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        given().auth().oauth2(mediatorToken(partlyAway)).get("/api/offers")
                .then().statusCode(200)
                .body("[0].explanation.excludedByRule.UNAVAILABLE", equalTo(3))
                .body("[0].explanation.excludedTotal", equalTo(3))
                .body("[0].explanation.candidates", equalTo(2))
                .body("[0].explanation.excluded.find { it.mediatorId == '" + onLeave + "' }.rule", equalTo("UNAVAILABLE"))
                .body("[0].explanation.excluded.find { it.mediatorId == '" + sitsLater + "' }.rule", equalTo("UNAVAILABLE"))
                .body("[0].explanation.excluded.find { it.mediatorId == '" + awayWhenSitting + "' }.rule",
                        equalTo("UNAVAILABLE"))
                .body("[0].explanation.runnersUp.mediatorId", equalTo(List.of(noPattern)));
    }

    @Test
    void theRankingCountsEveryExclusionPerRuleAndListsTheBestScoredOnes() {
        TestWorld world = new TestWorld();
        for (int i = 0; i < 3; i++) {
            world.declareConflict(world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county), "张三");
        }
        String suspended = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        QuarkusTransaction.requiringNew().run(() ->
                cn.tiaojie.mediator.model.Mediator.<cn.tiaojie.mediator.model.Mediator>findById(suspended).status =
                        cn.tiaojie.mediator.model.MediatorStatus.SUSPENDED);
        String eligible = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));

        given().auth().oauth2(STAFF).queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/teams/{id}/candidates", TestWorld.team(caseId).id)
                .then().statusCode(200)
                .body("candidateCount", equalTo(0))
                .body("excludedTotal", equalTo(5))
                .body("excludedByRule.DECLARED_RELATION", equalTo(3))
                .body("excludedByRule.NOT_ACTIVE", equalTo(1))
                .body("excludedByRule.ALREADY_OFFERED", equalTo(1))
                // the subcategory expert would have ranked first: listed first
                .body("excluded[0].mediatorId", equalTo(suspended))
                .body("excluded.find { it.mediatorId == '" + eligible + "' }.rule", equalTo("ALREADY_OFFERED"));
    }

    @Test
    void rankingATeamsRolesTogetherGivesEachRoleTheRankingItGetsAlone() {
        TestWorld world = new TestWorld();
        String expertLawyer = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR.WAGE_ARREARS");
        String nearbyLawyer = world.mediator(MediatorRole.LAWYER, world.township());
        world.declareConflict(world.mediator(MediatorRole.LAWYER, world.county), "张三");
        String socialWorker = world.mediator(MediatorRole.SOCIAL_WORKER, world.village(), "LABOUR");
        String elsewhere = world.mediator(MediatorRole.SOCIAL_WORKER, world.county + "101002");
        // an earlier case gives the chosen ones a load and a recent offer
        request(world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.GRID));
        TeamParty applicant = new TeamParty("张三", "zh-CN");
        applicant.nameKey = PartyKeys.nameKey("张三");
        Instant now = Instant.now();
        Subject subject = new Subject(null, "LABOUR.WAGE_ARREARS", world.village(),
                cn.tiaojie.platform.area.AreaLevel.GRID, List.of(applicant), Set.of(), Set.of(),
                now.plus(Duration.ofDays(10)));
        List<MediatorRole> roles = List.of(MediatorRole.LAWYER, MediatorRole.SOCIAL_WORKER, MediatorRole.JUDGE);

        Map<MediatorRole, Ranking> together = QuarkusTransaction.requiringNew()
                .call(() -> matching.rankEach(subject, roles, now, Matching.OFFER_CANDIDATES, 20));
        for (MediatorRole role : roles) {
            Ranking alone = QuarkusTransaction.requiringNew()
                    .call(() -> matching.rank(subject, role, now, Matching.OFFER_CANDIDATES, 20));
            assertEquals(alone, together.get(role), role.name());
        }
        Ranking lawyers = together.get(MediatorRole.LAWYER);
        assertEquals(List.of(expertLawyer, nearbyLawyer),
                lawyers.candidates().stream().map(Candidate::mediatorId).toList());
        assertEquals(Map.of(Rule.DECLARED_RELATION, 1), lawyers.excludedByRule());
        assertEquals(List.of(socialWorker), together.get(MediatorRole.SOCIAL_WORKER).candidates().stream()
                .map(Candidate::mediatorId).toList());
        assertEquals(true, together.get(MediatorRole.SOCIAL_WORKER).candidate(elsewhere).isEmpty());
        assertEquals(0, together.get(MediatorRole.JUDGE).candidateTotal());
        assertEquals(true, together.get(MediatorRole.JUDGE).isEmpty());
    }

    private static void away(String mediatorId, Instant from, Instant to) {
        QuarkusTransaction.requiringNew().run(() -> {
            Unavailability away = new Unavailability();
            away.id = UUID.randomUUID();
            away.mediatorId = mediatorId;
            away.startsAt = from;
            away.endsAt = to;
            away.kind = UnavailabilityKind.LEAVE;
            away.persist();
        });
    }

    private static void weeklyHours(String mediatorId, DayOfWeek day) {
        QuarkusTransaction.requiringNew().run(() -> {
            WeeklyHours hours = new WeeklyHours();
            hours.mediatorId = mediatorId;
            hours.dayOfWeek = (short) day.getValue();
            hours.starts = LocalTime.of(9, 0);
            hours.ends = LocalTime.of(17, 0);
            hours.persist();
        });
    }
}
