package cn.tiaojie.mediator.security;

import cn.tiaojie.mediator.grpc.TeamRequests;
import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.ConflictKind;
import cn.tiaojie.mediator.model.DeclaredConflict;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.mediator.service.EarlierInvolvementRules;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.mediator.service.TeamRules;
import cn.tiaojie.local.DevTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data the security tests act on: a case of center QX-COUNTY in a county of its own, its team with an offer to
 * one mediator, a second case elsewhere (for the other mediator and the other resident), and a token per caller.
 * Calls that change state get fresh data of their own from the methods below.
 */
final class SecurityScene {

    private static final AtomicInteger IDS = new AtomicInteger(600000 + (int) (System.nanoTime() % 1000) * 100);

    final TestWorld world = new TestWorld();
    final String onCase;
    final UUID caseId;
    final UUID teamId;
    final String applicantPartyId;
    final TestWorld elsewhere = new TestWorld();
    final String otherMediator;
    final UUID otherCaseId;

    final String staff = TestWorld.STAFF;
    final String otherCenterStaff = DevTokens.forRole("staff").subject("staff-bx-1").claim("center", "QX-BAIXI").sign();
    final String supervisor;
    final String outsideSupervisor = DevTokens.forRole("supervisor").subject("sup-far").claim("area", "399999").sign();
    final String mediator;
    final String otherMediatorToken;
    final String resident;
    final String otherResident;
    final String admin = TestWorld.ADMIN;
    final String service = DevTokens.forRole("service").subject("case-service").sign();

    SecurityScene() {
        onCase = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, 20, List.of("zh-CN"));
        TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation().requestTeam(TeamRequests.of(request));
        caseId = UUID.fromString(request.getCaseId());
        teamId = TestWorld.team(caseId).id;
        applicantPartyId = request.getParties(0).getPartyId();

        otherMediator = elsewhere.mediator(MediatorRole.PEOPLE_MEDIATOR, elsewhere.county, 20, List.of("zh-CN"));
        TeamRequest other = elsewhere.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation().requestTeam(TeamRequests.of(other));
        otherCaseId = UUID.fromString(other.getCaseId());

        supervisor = DevTokens.forRole("supervisor").subject("sup-near").claim("area", world.county).sign();
        mediator = TestWorld.mediatorToken(onCase);
        otherMediatorToken = TestWorld.mediatorToken(otherMediator);
        resident = TestWorld.residentToken(caseId.toString(), applicantPartyId);
        otherResident = TestWorld.residentToken(otherCaseId.toString(), other.getParties(0).getPartyId());
    }

    static TeamFormation formation() {
        return Arc.container().instance(TeamFormation.class).get();
    }

    /** A mediator id of the registered kind (M + digits) nobody uses yet. */
    static String newMediatorId() {
        return "M" + IDS.incrementAndGet();
    }

    /** An active mediator with an M… id, as the admin endpoints expect. */
    String registeredMediator() {
        String id = newMediatorId();
        QuarkusTransaction.requiringNew().run(() -> {
            Mediator m = new Mediator();
            m.id = id;
            m.name = "调解员" + id;
            m.role = MediatorRole.LAWYER;
            m.areaCode = world.county;
            m.capacity = 5;
            m.rating = new BigDecimal("4.0");
            m.createdAt = Instant.now();
            m.updatedAt = m.createdAt;
            m.persist();
        });
        return id;
    }

    static String mediatorBody(String id, String areaCode) {
        return """
                {"id":"%s","name":"王律师","role":"LAWYER","areaCode":"%s","organization":"青溪律师事务所",
                 "organizationKind":"LAW_FIRM","phone":"13900002222","email":"wang@example.cn","languages":["zh-CN"],
                 "expertise":["LABOUR"],"capacity":5,"rating":4.5,"status":"ACTIVE","channels":["IN_APP","SMS"]}"""
                .formatted(id, areaCode);
    }

    /** A conflict the mediator declared, to withdraw. */
    static UUID conflictOf(String mediatorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeclaredConflict c = new DeclaredConflict();
            c.id = UUID.randomUUID();
            c.mediatorId = mediatorId;
            c.kind = ConflictKind.RELATION;
            c.partyName = "某亲属" + c.id.toString().substring(0, 4);
            c.declaredAt = Instant.now();
            c.persist();
            return c.id;
        });
    }

    /** Time away the mediator entered, to remove. */
    static UUID unavailabilityOf(String mediatorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Unavailability u = new Unavailability();
            u.id = UUID.randomUUID();
            u.mediatorId = mediatorId;
            u.startsAt = Instant.now().plus(Duration.ofDays(40));
            u.endsAt = u.startsAt.plus(Duration.ofDays(1));
            u.kind = UnavailabilityKind.TRAINING;
            u.persist();
            return u.id;
        });
    }

    /** A risk-flag rule an admin set, to reset. */
    /** a category no test matches a case of, so that a rule set on it changes no other test's team */
    static final String UNMATCHED_CATEGORY = "ENVIRONMENT";

    static String earlierInvolvementRule() {
        Arc.container().instance(EarlierInvolvementRules.class).get().put(UNMATCHED_CATEGORY, 365, "admin-1", null);
        return UNMATCHED_CATEGORY;
    }

    static String riskRule() {
        String code = "GROUP_DISPUTE";
        Arc.container().instance(TeamRules.class).get()
                .put(code, List.of(MediatorRole.POLICE_OFFICER), List.of(), "admin-1", null);
        return code;
    }

    /** A fresh case of center QX-COUNTY whose role was offered to a mediator of its own. */
    record FreshOffer(UUID offerId, String mediatorToken, UUID teamId) {
    }

    static FreshOffer freshOffer() {
        TestWorld w = new TestWorld();
        String m = w.mediator(MediatorRole.PEOPLE_MEDIATOR, w.county);
        TeamRequest request = w.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation().requestTeam(TeamRequests.of(request));
        Offer offer = TestWorld.liveOffer(UUID.fromString(request.getCaseId()), MediatorRole.PEOPLE_MEDIATOR);
        return new FreshOffer(offer.id, TestWorld.mediatorToken(m), offer.team.id);
    }

    /** A fresh team with two eligible mediators: ready for a choice list of them. */
    record FreshTeam(UUID teamId, String first, String second, UUID caseId, String applicantPartyId,
            String respondentPartyId) {
    }

    static FreshTeam freshTeam() {
        TestWorld w = new TestWorld();
        String a = w.mediator(MediatorRole.PEOPLE_MEDIATOR, w.county);
        String b = w.mediator(MediatorRole.PEOPLE_MEDIATOR, w.county);
        TeamRequest request = w.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation().requestTeam(TeamRequests.of(request));
        UUID caseId = UUID.fromString(request.getCaseId());
        return new FreshTeam(TestWorld.team(caseId).id, a, b, caseId, request.getParties(0).getPartyId(),
                request.getParties(1).getPartyId());
    }

    /** A fresh team whose only mediator declined: the role waits for a hand assignment of {@code spare}. */
    record WaitingTeam(UUID teamId, String spare) {
    }

    static WaitingTeam waitingTeam() {
        TestWorld w = new TestWorld();
        String only = w.mediator(MediatorRole.PEOPLE_MEDIATOR, w.county);
        TeamRequest request = w.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation().requestTeam(TeamRequests.of(request));
        UUID caseId = UUID.fromString(request.getCaseId());
        Offer offer = TestWorld.liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
        formation().decline(offer.id, only, "出差");
        String spare = w.mediator(MediatorRole.PEOPLE_MEDIATOR, w.county + "102");
        return new WaitingTeam(TestWorld.team(caseId).id, spare);
    }

    /** A choice list published on a fresh team, with the token of the case's applicant. */
    record FreshList(UUID listId, String residentToken, FreshTeam team) {
    }

    static FreshList freshList() {
        FreshTeam team = freshTeam();
        UUID listId = formation().publishChoiceList(team.teamId(), MediatorRole.PEOPLE_MEDIATOR,
                List.of(team.first(), team.second()), "staff-qx-1").id;
        return new FreshList(listId, TestWorld.residentToken(team.caseId().toString(), team.applicantPartyId()), team);
    }
}
