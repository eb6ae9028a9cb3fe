package cn.tiaojie.scheduling.service.reminders;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.Outboxes;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hearing reminders on a clock the test sets: each lead once, to everyone the notice went to, never when moot. */
@QuarkusTest
class HearingRemindersTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    HearingReminders reminders;

    @Test
    void everyParticipantIsRemindedThreeDaysAndOneDayBeforeEachOnce() {
        HearingRequest request = request(newCenter(1), uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(request);
        Instant starts = ProtoTime.toInstant(hearing.getStartsAt());
        Set<String> notified = recipients(Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE));
        assertTrue(notified.size() >= 2, "the parties and the mediator got the notice: " + notified);

        reminders.remind(starts.minus(Duration.ofDays(3)).minusSeconds(60));
        assertEquals(0, reminders(request).size(), "not yet");

        reminders.remind(starts.minus(Duration.ofDays(3)).plusSeconds(60));
        List<NoticeRequest> first = reminders(request);
        assertEquals(notified, recipients(first), "everyone the notice went to");
        assertEquals(notified.size(), first.size());
        String localStart = Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE).getFirst().getFields()
                .get("startsAt");
        assertTrue(first.stream().allMatch(n -> localStart.equals(n.getFields().get("startsAt"))));

        // the next sweeps send nothing new until the one-day lead
        reminders.remind(starts.minus(Duration.ofDays(3)).plusSeconds(360));
        reminders.remind(starts.minus(Duration.ofDays(2)));
        assertEquals(notified.size(), reminders(request).size());

        reminders.remind(starts.minus(Duration.ofDays(1)).plusSeconds(60));
        reminders.remind(starts.minus(Duration.ofHours(2)));
        List<NoticeRequest> both = reminders(request);
        assertEquals(2 * notified.size(), both.size());
        assertEquals(both.size(), both.stream().map(NoticeRequest::getIdempotencyKey).distinct().count(),
                "each reminder is its own notice");

        reminders.remind(starts.plusSeconds(60));
        assertEquals(2 * notified.size(), reminders(request).size(), "none after the start");
    }

    @Test
    void aSweepThatWasDownSendsOnlyTheNearestReminderAndACancelledHearingNone() {
        HearingRequest late = request(newCenter(1), uniqueId("M")).build();
        Instant starts = ProtoTime.toInstant(scheduling.requestHearing(late).getStartsAt());
        int participants = recipients(Outboxes.notices(late.getCaseNo(), NoticeKind.HEARING_NOTICE)).size();
        reminders.remind(starts.minus(Duration.ofHours(12)));
        assertEquals(participants, reminders(late).size(), "the one-day reminder only");

        String center = newCenter(1);
        HearingRequest cancelled = request(center, uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(cancelled);
        String staff = DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"reason\":\"双方已自行和解\"}")
                .post("/api/hearings/{id}/cancel", hearing.getHearingId()).then().statusCode(200);
        reminders.remind(ProtoTime.toInstant(hearing.getStartsAt()).minus(Duration.ofHours(12)));
        assertEquals(0, reminders(cancelled).size());
    }

    private static List<NoticeRequest> reminders(HearingRequest request) {
        return Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_REMINDER);
    }

    private static Set<String> recipients(List<NoticeRequest> notices) {
        return notices.stream().map(n -> n.getRecipient().getKind() + ":" + n.getRecipient().getId())
                .collect(Collectors.toSet());
    }
}
