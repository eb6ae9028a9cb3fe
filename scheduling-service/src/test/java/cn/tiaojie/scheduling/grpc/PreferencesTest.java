package cn.tiaojie.scheduling.grpc;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.Fixtures;
import cn.tiaojie.scheduling.Outboxes;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parties' preferences and needs as the fast path honours them. */
@QuarkusTest
class PreferencesTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Test
    void whenVideoIsAllowedARoomWithVideoIsTakenFirst() {
        String center = newCenter(2);
        addVenue(center, "远程调解室", VenueKind.ROOM, 10, LocalTime.of(8, 30), LocalTime.of(17, 30), true);

        Hearing plain = scheduling.requestHearing(request(center, uniqueId("M")).build());
        Hearing video = scheduling.requestHearing(request(center, uniqueId("M")).setVideoAllowed(true).build());

        assertEquals("调解室 1", plain.getVenueName());
        assertEquals("远程调解室", video.getVenueName());
    }

    @Test
    void anInterpreterNeedsLongerAndASeat() {
        String center = newCenter(0);
        // room for the mediator and the two parties, but not for an interpreter too
        addVenue(center, "小调解室", VenueKind.ROOM, 3, LocalTime.of(8, 30), LocalTime.of(17, 30), false);
        addVenue(center, "大调解室", VenueKind.ROOM, 4, LocalTime.of(8, 30), LocalTime.of(17, 30), false);

        Hearing hearing = scheduling.requestHearing(request(center, uniqueId("M")).setInterpreterNeeded(true).build());

        assertEquals("大调解室", hearing.getVenueName());
        assertEquals(Duration.ofMinutes(90 + 30), Duration.between(ProtoTime.toInstant(hearing.getStartsAt()),
                ProtoTime.toInstant(hearing.getEndsAt())));
    }

    @Test
    void workingPartiesWhoPreferTheEveningMeetInTheVillageAfterWork() {
        String center = newCenter(1);
        addVenue(center, "村文化礼堂", VenueKind.ON_SITE, 30, LocalTime.of(18, 30), LocalTime.of(21, 30), false);

        Hearing hearing = scheduling.requestHearing(request(center, uniqueId("M")).setPreferEvening(true).build());

        assertEquals("村文化礼堂", hearing.getVenueName());
        LocalTime start = ProtoTime.toInstant(hearing.getStartsAt()).atZone(Fixtures.SHANGHAI).toLocalTime();
        assertTrue(!start.isBefore(LocalTime.of(18, 30)), "starts after work: " + start);
    }

    @Test
    void anEveningOnSiteSessionMeetsInTheVillageHallAfterSixAndItsNoticesSaySo() {
        String center = newCenter(1);
        // open in the afternoon too: the evening session still starts after work
        addVenue(center, "溪南村文化礼堂", VenueKind.ON_SITE, 30, LocalTime.of(14, 0), LocalTime.of(21, 30), false);

        HearingRequest request = request(center, uniqueId("M")).setPreferEvening(true).setOnSite(true).build();
        Hearing hearing = scheduling.requestHearing(request);

        assertEquals("溪南村文化礼堂", hearing.getVenueName());
        LocalTime start = ProtoTime.toInstant(hearing.getStartsAt()).atZone(Fixtures.SHANGHAI).toLocalTime();
        assertEquals(LocalTime.of(18, 0), start);
        List<NoticeRequest> notices = Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE);
        assertEquals(3, notices.size(), "two parties and the mediator");
        for (NoticeRequest notice : notices) {
            assertEquals("EVENING_ON_SITE", notice.getFieldsOrThrow("session"));
            assertEquals("溪南村文化礼堂", notice.getFieldsOrThrow("venueName"));
            assertTrue(notice.getFieldsOrThrow("startsAt").endsWith(" 18:00"), notice.getFieldsOrThrow("startsAt"));
            assertFalse(notice.containsFields("videoLink"));
        }
    }

    @Test
    void aVideoHearingsNoticesCarryItsOwnJoinLink() {
        String center = newCenter(1);

        HearingRequest request = request(center, uniqueId("M")).setVideoAllowed(true).build();
        Hearing hearing = scheduling.requestHearing(request);

        List<NoticeRequest> notices = Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE);
        assertEquals(3, notices.size());
        for (NoticeRequest notice : notices) {
            assertEquals("https://meet.tiaojie.local/room/" + hearing.getHearingId(),
                    notice.getFieldsOrThrow("videoLink"));
            assertFalse(notice.containsFields("session"), "a day hearing in a room");
        }
    }

    @Test
    void anInterpretersLanguageReachesTheTeamAndTheParties() {
        String center = newCenter(1);

        HearingRequest request = request(center, uniqueId("M")).setInterpreterNeeded(true)
                .setInterpreterLanguage("维吾尔语").build();
        scheduling.requestHearing(request);

        List<NoticeRequest> notices = Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE);
        assertEquals(List.of(RecipientKind.PARTY, RecipientKind.PARTY, RecipientKind.MEDIATOR),
                notices.stream().map(n -> n.getRecipient().getKind()).sorted().toList());
        notices.forEach(n -> assertEquals("维吾尔语", n.getFieldsOrThrow("interpreterLanguage")));
    }

    private static void addVenue(String center, String name, VenueKind kind, int capacity, LocalTime opens,
            LocalTime closes, boolean video) {
        QuarkusTransaction.requiringNew().run(() -> {
            Venue v = new Venue();
            v.id = UUID.randomUUID();
            v.centerCode = center;
            v.name = name;
            v.address = "测试路 1 号";
            v.kind = kind;
            v.capacity = capacity;
            v.opens = opens;
            v.closes = closes;
            v.hasVideo = video;
            v.persist();
        });
    }
}
