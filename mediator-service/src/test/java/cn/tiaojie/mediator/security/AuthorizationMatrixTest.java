package cn.tiaojie.mediator.security;

import cn.tiaojie.testsupport.security.AccessMatrix;
import cn.tiaojie.testsupport.security.ApiCall;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every REST endpoint for every kind of caller. "other-center" is staff of another center, "outside-supervisor" a
 * supervisor of another county, "other-mediator" a mediator not on the case (and not the owner of the calendar,
 * conflicts or offer in the row), "other-resident" a party of another case. Outside their scope callers get 404
 * where the thing is hidden from them (a team, a case, an offer, a choice list) and 403 where they may know it
 * exists but not act (someone else's calendar or conflicts, an area outside their own); roles that have no business
 * with an endpoint get 403; the service role has none with REST.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        SecurityScene scene = new SecurityScene();
        String from = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String to = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return AccessMatrix.of("""
                endpoint                                                    staff supervisor mediator resident admin service other-center outside-supervisor other-mediator other-resident anonymous bad-token
                # the pool
                GET    /api/mediators                                         200   200        403      403      200   403     200          200                403            403            401       401
                POST   /api/mediators                                         403   403        403      403      201   403     403          403                403            403            401       401
                POST   /api/mediators/import                                  403   403        403      403      200   403     403          403                403            403            401       401
                GET    /api/mediators/{id}                                    200   200        200      403      200   403     200          200                404            403            401       401
                PUT    /api/mediators/{id}                                    403   403        403      403      200   403     403          403                403            403            401       401
                GET    /api/mediators/{id}/workload                           403   403        200      403      200   403     403          403                403            403            401       401
                GET    /api/mediators/{id}/conflicts                          200   403        200      403      200   403     200          403                403            403            401       401
                POST   /api/mediators/{id}/conflicts                          403   403        201      403      201   403     403          403                403            403            401       401
                DELETE /api/mediators/{id}/conflicts/{conflictId}             403   403        204      403      204   403     403          403                403            403            401       401
                # a mediator's calendar: read by the staff side and the mediator, kept by the mediator and admins
                GET    /api/mediators/{id}/weekly-hours                       200   200        200      403      200   403     200          200                403            403            401       401
                PUT    /api/mediators/{id}/weekly-hours                       403   403        200      403      200   403     403          403                403            403            401       401
                GET    /api/mediators/{id}/unavailability                     200   200        200      403      200   403     200          200                403            403            401       401
                POST   /api/mediators/{id}/unavailability                     403   403        201      403      201   403     403          403                403            403            401       401
                DELETE /api/mediators/{id}/unavailability/{unavailabilityId}  403   403        204      403      204   403     403          403                403            403            401       401
                GET    /api/mediators/{id}/availability                       200   200        200      403      200   403     200          200                403            403            401       401
                # team rules
                GET    /api/team-rules                                        200   200        403      403      200   403     200          200                403            403            401       401
                GET    /api/team-rules/{code}                                 200   200        403      403      200   403     200          200                403            403            401       401
                PUT    /api/team-rules/{code}                                 403   403        403      403      200   403     403          403                403            403            401       401
                DELETE /api/team-rules/{code}                                 403   403        403      403      204   403     403          403                403            403            401       401
                GET    /api/conflict-rules/earlier-involvement                200   200        403      403      200   403     200          200                403            403            401       401
                PUT    /api/conflict-rules/earlier-involvement/{code}         403   403        403      403      200   403     403          403                403            403            401       401
                DELETE /api/conflict-rules/earlier-involvement/{code}         403   403        403      403      204   403     403          403                403            403            401       401
                POST   /api/match/preview                                     200   200        403      403      200   403     200          200                403            403            401       401
                # offers: only the mediator addressed answers
                GET    /api/offers                                            403   403        200      403      403   403     403          403                200            403            401       401
                POST   /api/offers/{id}/accept                                403   403        200      403      403   403     403          403                404            403            401       401
                POST   /api/offers/{id}/decline                               403   403        200      403      403   403     403          403                404            403            401       401
                # teams: staff of the case's center, supervisors of its area, admins, mediators offered a place
                GET    /api/teams                                             200   200        403      403      200   403     200          200                403            403            401       401
                GET    /api/teams/{id}                                        200   200        200      403      200   403     404          404                404            403            401       401
                GET    /api/teams/by-case/{caseId}                            200   200        200      403      200   403     404          404                404            403            401       401
                GET    /api/cases/{caseId}/team                               200   200        200      403      200   403     404          404                404            403            401       401
                GET    /api/teams/{id}/candidates                             200   403        403      403      200   403     404          403                403            403            401       401
                GET    /api/teams/{id}/audit                                  200   200        403      403      200   403     404          404                403            403            401       401
                POST   /api/teams/{id}/choice-lists                           201   403        403      403      201   403     404          403                403            403            401       401
                GET    /api/teams/{id}/choice-lists                           200   200        403      403      200   403     404          404                403            403            401       401
                POST   /api/teams/{id}/offers                                 201   403        403      403      201   403     404          403                403            403            401       401
                # party choice: the parties of the case answer, staff of its center decide early
                GET    /api/choice-lists                                      403   403        403      200      403   403     403          403                403            200            401       401
                PUT    /api/choice-lists/{id}/ballot                          403   403        403      200      403   403     403          403                403            404            401       401
                POST   /api/choice-lists/{id}/decide                          200   403        403      403      200   403     404          403                403            403            401       401
                # fairness: supervisors of the area asked, admins
                GET    /api/reports/fairness                                  403   200        403      403      200   403     403          403                403            403            401       401
                """)
                .caller("staff", scene.staff).caller("supervisor", scene.supervisor).caller("mediator", scene.mediator)
                .caller("resident", scene.resident).caller("admin", scene.admin).caller("service", scene.service)
                .caller("other-center", scene.otherCenterStaff).caller("outside-supervisor", scene.outsideSupervisor)
                .caller("other-mediator", scene.otherMediatorToken).caller("other-resident", scene.otherResident)
                .request("POST /api/mediators", column -> ApiCall.call()
                        .json(SecurityScene.mediatorBody(SecurityScene.newMediatorId(), scene.world.county)))
                .request("POST /api/mediators/import", column -> ApiCall.call().query("dryRun", "true")
                        .body("text/csv; charset=UTF-8", "id,name,role,areaCode,capacity\n"
                                + SecurityScene.newMediatorId() + ",陈律师,LAWYER," + scene.world.county + ",3\n"))
                .request("GET /api/mediators/{id}", column -> ApiCall.call().path("id", scene.onCase))
                .request("PUT /api/mediators/{id}", column -> {
                    String id = scene.registeredMediator();
                    return ApiCall.call().path("id", id).json(SecurityScene.mediatorBody(id, scene.world.county));
                })
                .request("GET /api/mediators/{id}/workload", column -> ApiCall.call().path("id", scene.onCase))
                .request("GET /api/mediators/{id}/conflicts", column -> ApiCall.call().path("id", scene.onCase))
                .request("POST /api/mediators/{id}/conflicts", column -> ApiCall.call().path("id", scene.onCase)
                        .json("{\"kind\":\"RELATION\",\"partyName\":\"表兄王五\",\"reason\":\"亲属\"}"))
                .request("DELETE /api/mediators/{id}/conflicts/{conflictId}", column -> ApiCall.call()
                        .path("id", scene.onCase).path("conflictId", SecurityScene.conflictOf(scene.onCase)))
                .request("GET /api/mediators/{id}/weekly-hours", column -> ApiCall.call().path("id", scene.onCase))
                .request("PUT /api/mediators/{id}/weekly-hours", column -> ApiCall.call().path("id", scene.onCase)
                        .json("{\"hours\":[{\"day\":\"MONDAY\",\"starts\":\"09:00\",\"ends\":\"12:00\"}]}"))
                .request("GET /api/mediators/{id}/unavailability", column -> ApiCall.call().path("id", scene.onCase))
                .request("POST /api/mediators/{id}/unavailability", column -> ApiCall.call().path("id", scene.onCase)
                        .json("{\"startsAt\":\"2027-03-01T09:00:00+08:00\",\"endsAt\":\"2027-03-02T09:00:00+08:00\","
                                + "\"kind\":\"COURT_DAY\",\"reason\":\"出庭\"}"))
                .request("DELETE /api/mediators/{id}/unavailability/{unavailabilityId}", column -> ApiCall.call()
                        .path("id", scene.onCase).path("unavailabilityId", SecurityScene.unavailabilityOf(scene.onCase)))
                .request("GET /api/mediators/{id}/availability", column -> ApiCall.call().path("id", scene.onCase)
                        .query("from", from).query("to", to))
                .request("GET /api/team-rules/{code}", column -> ApiCall.call().path("code", "LABOUR.WAGE_ARREARS"))
                .request("PUT /api/team-rules/{code}", column -> ApiCall.call()
                        .path("code", "PETITION_RISK")
                        .json("{\"requiredRoles\":[\"POLICE_OFFICER\"],\"optionalRoles\":[]}"))
                .request("DELETE /api/team-rules/{code}", column -> ApiCall.call().path("code", SecurityScene.riskRule()))
                .request("PUT /api/conflict-rules/earlier-involvement/{code}", column -> ApiCall.call()
                        .path("code", SecurityScene.UNMATCHED_CATEGORY).json("{\"lookBackDays\":365}"))
                .request("DELETE /api/conflict-rules/earlier-involvement/{code}", column -> ApiCall.call()
                        .path("code", SecurityScene.earlierInvolvementRule()))
                .request("POST /api/match/preview", column -> ApiCall.call()
                        .json("{\"subcategory\":\"NEIGHBOUR.NOISE\",\"areaCode\":\"" + scene.world.village() + "\"}"))
                .request("POST /api/offers/{id}/accept", column -> {
                    SecurityScene.FreshOffer offer = SecurityScene.freshOffer();
                    ApiCall call = ApiCall.call().path("id", offer.offerId());
                    return column.equals("mediator") ? call.as(offer.mediatorToken()) : call;
                })
                .request("POST /api/offers/{id}/decline", column -> {
                    SecurityScene.FreshOffer offer = SecurityScene.freshOffer();
                    ApiCall call = ApiCall.call().path("id", offer.offerId()).json("{\"reason\":\"外出学习\"}");
                    return column.equals("mediator") ? call.as(offer.mediatorToken()) : call;
                })
                .request("GET /api/teams/{id}", column -> ApiCall.call().path("id", scene.teamId))
                .request("GET /api/teams/by-case/{caseId}", column -> ApiCall.call().path("caseId", scene.caseId))
                .request("GET /api/cases/{caseId}/team", column -> ApiCall.call().path("caseId", scene.caseId))
                .request("GET /api/teams/{id}/candidates", column -> ApiCall.call().path("id", scene.teamId)
                        .query("role", "PEOPLE_MEDIATOR"))
                .request("GET /api/teams/{id}/audit", column -> ApiCall.call().path("id", scene.teamId))
                .request("POST /api/teams/{id}/choice-lists", column -> {
                    SecurityScene.FreshTeam team = SecurityScene.freshTeam();
                    return ApiCall.call().path("id", team.teamId()).json("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorIds\":[\""
                            + team.first() + "\",\"" + team.second() + "\"]}");
                })
                .request("GET /api/teams/{id}/choice-lists", column -> ApiCall.call().path("id", scene.teamId))
                .request("POST /api/teams/{id}/offers", column -> {
                    SecurityScene.WaitingTeam team = SecurityScene.waitingTeam();
                    return ApiCall.call().path("id", team.teamId()).json("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorId\":\""
                            + team.spare() + "\",\"reason\":\"邻镇调解员愿意接手\"}");
                })
                .request("PUT /api/choice-lists/{id}/ballot", column -> {
                    SecurityScene.FreshList list = SecurityScene.freshList();
                    ApiCall call = ApiCall.call().path("id", list.listId()).json("{\"struck\":[\"" + list.team().first()
                            + "\"],\"ranking\":[\"" + list.team().second() + "\"]}");
                    return column.equals("resident") ? call.as(list.residentToken()) : call;
                })
                .request("POST /api/choice-lists/{id}/decide", column -> ApiCall.call()
                        .path("id", SecurityScene.freshList().listId()))
                .request("GET /api/reports/fairness", column -> ApiCall.call().query("from", from).query("to", to)
                        .query("area", scene.world.county))
                .coversOpenApi()
                .tests();
    }
}
