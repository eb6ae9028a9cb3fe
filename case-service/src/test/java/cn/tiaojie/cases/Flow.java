package cn.tiaojie.cases;

import static io.restassured.RestAssured.given;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Walks a case along the flow the way the other services would, over the case-service's real gRPC API. */
public final class Flow {

    private Flow() {
    }

    /** Registers (as {@code staffToken}), files, and reports the team: TEAM_ASSIGNED, waiting for a hearing. */
    public static String toTeamAssigned(CaseServiceGrpc.CaseServiceBlockingStub cases, String staffToken, String body) {
        String id = given().auth().oauth2(staffToken).contentType(ContentType.JSON).body(body)
                .post("/api/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(staffToken).post("/api/cases/{id}/file", id).then().statusCode(200);
        cases.recordTeamAssigned(TeamAssigned.newBuilder().setMessageId(UUID.randomUUID().toString()).setCaseId(id)
                .setTeamId("team-" + id.substring(0, 8))
                .addMembers(TeamMember.newBuilder().setMediatorId("M010").setRole(MediatorRole.LAWYER).setName("李律师"))
                .build());
        return id;
    }

    /** … and reports the hearing: HEARING_SCHEDULED, with hearing {@code "H-" + the id's first 8 characters}. */
    public static String toHearingScheduled(CaseServiceGrpc.CaseServiceBlockingStub cases, String staffToken, String body) {
        String id = toTeamAssigned(cases, staffToken, body);
        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS);
        cases.recordHearingScheduled(HearingScheduled.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setHearingId("H-" + id.substring(0, 8)).setStartsAt(ProtoTime.of(startsAt))
                .setEndsAt(ProtoTime.of(startsAt.plus(90, ChronoUnit.MINUTES))).setVenueName("第一调解室")
                .setWithinDeadline(true).build());
        return id;
    }

    /** … and into mediation: IN_MEDIATION. */
    public static String toMediation(CaseServiceGrpc.CaseServiceBlockingStub cases, String staffToken, String body) {
        String id = toHearingScheduled(cases, staffToken, body);
        given().auth().oauth2(staffToken).post("/api/cases/{id}/start-mediation", id).then().statusCode(200);
        return id;
    }

    /** The notices case-service has put in its outbox for notify-service about a case. */
    public static List<NoticeRequest> noticesFor(String caseId) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("topic", "notify.SendNotice"));
        return messages.stream().map(m -> parse(m.payload)).filter(n -> n.getCaseId().equals(caseId)).toList();
    }

    private static NoticeRequest parse(byte[] payload) {
        try {
            return NoticeRequest.parseFrom(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
