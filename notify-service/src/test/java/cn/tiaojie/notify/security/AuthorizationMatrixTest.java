package cn.tiaojie.notify.security;

import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.PaperSlips;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.testsupport.security.AccessMatrix;
import cn.tiaojie.testsupport.security.ApiCall;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every REST endpoint for every caller. The notices belong to a case of the 白溪镇 center; other-center is staff of
 * the county center, other-area a supervisor of another township, other-resident and other-mediator people the
 * notice is not addressed to, forged-link someone holding the link with its signature changed. Reading another's
 * notice answers 404, as for one that does not exist. The public link pages and the SMS hook need no token: the
 * signed link is the credential, so anonymous reads them; a request that does carry a bearer token must carry a
 * valid one there too (every presented token is checked), hence 401 for the bad ones.
 */
@QuarkusTest
@TestProfile(SecurityTestProfile.class)
class AuthorizationMatrixTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    NoticeLinks links;

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        SecurityFixtures f = new SecurityFixtures(notify, dispatcher, links);
        UUID partyNotice = f.sentPartyNotice();
        UUID mediatorNotice = f.mediatorNotice();
        UUID servedOnPaper = f.servedOnPaper();
        return AccessMatrix.of("""
                endpoint                                  staff supervisor mediator resident admin service other-center other-area other-resident other-mediator forged-link anonymous bad-token
                GET    /api/notices                       200   200        200      200      200   403     200          200        200            200            200         401       401
                GET    /api/notices/{id}                  200   200        200      200      200   403     404          404        404            404            200         401       401
                GET    /api/notices/{id}/proof.pdf        200   200        200      200      200   403     404          404        404            404            200         401       401
                GET    /api/notices/{id}/paper.pdf        200   200        403      403      200   403     404          404        403            403            403         401       401
                POST   /api/notices/{id}/paper-service    201   403        403      403      201   403     404          403        403            403            403         401       401
                GET    /api/notices/{id}/paper-service/slip 200 200        403      403      200   403     404          404        403            403            403         401       401
                POST   /api/notices/{id}/email-bounce     200   403        403      403      200   200     404          403        403            403            403         401       401
                GET    /api/inbox                         403   403        200      200      403   403     403          403        200            200            200         401       401
                GET    /api/inbox/stream                  403   403        200      200      403   403     403          403        200            200            200         401       401
                POST   /api/inbox/{id}/read               403   403        200      200      403   403     403          403        404            404            200         401       401
                # the signed link is the credential
                GET    /n/{token}                         200   200        200      200      200   200     200          200        200            200            404         200       401
                POST   /n/{token}/ack                     200   200        200      200      200   200     200          200        200            200            404         200       401
                POST   /n/{token}/summons-answer          201   201        201      201      201   201     201          201        201            201            404         201       401
                POST   /n/{token}/rating                  201   201        201      201      201   201     201          201        201            201            404         201       401
                POST   /hooks/sms/{token}                 204   204        204      204      204   204     204          204        204            204            404         204       401
                """)
                .caller("staff", f.staff).caller("supervisor", f.supervisor).caller("mediator", f.mediator)
                .caller("resident", f.resident).caller("admin", f.admin).caller("service", f.service)
                .caller("other-center", f.otherCenter).caller("other-area", f.otherArea)
                .caller("other-resident", f.otherResident).caller("other-mediator", f.otherMediator)
                // a resident of the case, holding a forged link
                .caller("forged-link", f.resident)
                .request("GET /api/notices/{id}", column -> ApiCall.call().path("id",
                        column.contains("mediator") ? mediatorNotice : partyNotice))
                .request("GET /api/notices/{id}/proof.pdf", column -> ApiCall.call().path("id",
                        column.contains("mediator") ? mediatorNotice : partyNotice))
                .request("POST /api/inbox/{id}/read", column -> ApiCall.call().path("id",
                        column.contains("mediator") ? mediatorNotice : partyNotice))
                .request("GET /api/notices/{id}/paper.pdf", column -> ApiCall.call().path("id", partyNotice))
                // a fresh notice for each cell: it is served on paper once
                .request("POST /api/notices/{id}/paper-service", column -> ApiCall.call()
                        .path("id", f.freshSentNotice()).body(PaperSlips.CONTENT_TYPE, f.paperServiceForm()))
                .request("GET /api/notices/{id}/paper-service/slip", column -> ApiCall.call().path("id", servedOnPaper))
                // a fresh notice whose e-mail went out, for each cell: a bounce changes it
                .request("POST /api/notices/{id}/email-bounce", column -> ApiCall.call()
                        .path("id", f.freshSentNotice()).json("{\"reason\":\"550 5.1.1 mailbox unavailable\"}"))
                .request("GET /n/{token}", column -> ApiCall.call().path("token", link(f, partyNotice, column)))
                .request("POST /n/{token}/ack", column -> ApiCall.call()
                        .path("token", link(f, f.freshSentNotice(), column)))
                .request("POST /n/{token}/summons-answer", column -> ApiCall.call()
                        .path("token", link(f, f.departmentSummons(), column))
                        .body("application/x-www-form-urlencoded", "response=DECLINED&note=busy"))
                .request("POST /n/{token}/rating", column -> ApiCall.call()
                        .path("token", link(f, f.evaluationInvitation(), column))
                        .body("application/x-www-form-urlencoded", "score=5"))
                .request("POST /hooks/sms/{token}", column -> {
                    String token = f.smsReportToken(f.freshSentNotice());
                    return ApiCall.call().path("token", column.equals("forged-link") ? SecurityFixtures.forged(token)
                            : token).body("application/x-www-form-urlencoded", "MessageStatus=delivered");
                })
                .coversOpenApi()
                .tests();
    }

    private static String link(SecurityFixtures f, UUID notice, String column) {
        String token = f.linkToken(notice);
        return column.equals("forged-link") ? SecurityFixtures.forged(token) : token;
    }
}
