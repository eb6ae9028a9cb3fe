package cn.tiaojie.scheduling.grpc;

import static cn.tiaojie.scheduling.Fixtures.SHANGHAI;
import static cn.tiaojie.scheduling.Fixtures.at;
import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static cn.tiaojie.scheduling.Fixtures.workingDayAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.contracts.scheduling.v1.GetHearingRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.HearingStatus;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.scheduling.Fixtures;
import cn.tiaojie.scheduling.Outboxes;
import cn.tiaojie.scheduling.client.SchedulingTopics;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.service.booking.TimeRange;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestHearingTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    EntityManager em;

    @Test
    void theFirstFreeSlotIsAtLeastTheNoticePeriodAheadOnAWorkingDayInsideOpeningHours() {
        String center = newCenter(1);
        Instant before = Instant.now();
        HearingRequest request = request(center, uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(request);
        Instant after = Instant.now();

        Instant start = ProtoTime.toInstant(hearing.getStartsAt());
        assertBetween(Fixtures.firstRoomSlotFrom(before.plus(Duration.ofDays(3)), Duration.ofMinutes(90)),
                Fixtures.firstRoomSlotFrom(after.plus(Duration.ofDays(3)), Duration.ofMinutes(90)), start);
        assertInsideRoomHoursOnAWorkingDay(start, ProtoTime.toInstant(hearing.getEndsAt()));
        assertEquals(Duration.ofMinutes(90), Duration.between(start, ProtoTime.toInstant(hearing.getEndsAt())));
        assertEquals(HearingStatus.BOOKED, hearing.getStatus());
        assertTrue(hearing.getWithinDeadline());
        assertTrue(Outboxes.notices(request.getCaseNo(), NoticeKind.OVERDUE_ALERT).isEmpty(), "no alert within the deadline");
        assertEquals("调解室 1", hearing.getVenueName());
        assertEquals(1, hearing.getTeamCount());
    }

    @Test
    void anUrgentCaseNeedsOnlyADaysNotice() {
        String center = newCenter(1);
        Instant before = Instant.now();
        Hearing hearing = scheduling.requestHearing(request(center, uniqueId("M")).setUrgent(true).build());
        Instant after = Instant.now();

        assertBetween(Fixtures.firstRoomSlotFrom(before.plus(Duration.ofDays(1)), Duration.ofMinutes(90)),
                Fixtures.firstRoomSlotFrom(after.plus(Duration.ofDays(1)), Duration.ofMinutes(90)),
                ProtoTime.toInstant(hearing.getStartsAt()));
    }

    @Test
    void theSlotLiesInsideAFreeWindowOfEveryMediatorAndSkipsWeekendsAndClosedHours() {
        String center = newCenter(2);
        String lawyer = uniqueId("M");
        String counselor = uniqueId("M");
        LocalDate day = workingDayAfter(10);
        LocalDate saturday = day.minusDays(day.getDayOfWeek().getValue() + 1L);
        LocalDate weekdayBefore = day.minusDays(1).getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(3) : day.minusDays(1);
        // both free on the Saturday before and one weekday evening; on the day, together only 14:00–16:00
        FakeMediatorService.setFreeWindows(lawyer, List.of(
                new TimeRange(at(saturday, 9, 0), at(saturday, 17, 0)),
                new TimeRange(at(weekdayBefore, 18, 0), at(weekdayBefore, 21, 30)),
                new TimeRange(at(day, 9, 0), at(day, 11, 0)),
                new TimeRange(at(day, 13, 0), at(day, 17, 0))));
        FakeMediatorService.setFreeWindows(counselor, List.of(
                new TimeRange(at(saturday, 9, 0), at(saturday, 17, 0)),
                new TimeRange(at(weekdayBefore, 18, 0), at(weekdayBefore, 21, 30)),
                new TimeRange(at(day, 10, 0), at(day, 11, 0)),
                // two adjacent windows count as one
                new TimeRange(at(day, 14, 0), at(day, 15, 0)),
                new TimeRange(at(day, 15, 0), at(day, 16, 0))));

        Hearing hearing = scheduling.requestHearing(request(center, lawyer, counselor).build());

        assertEquals(at(day, 14, 0), ProtoTime.toInstant(hearing.getStartsAt()));
        assertEquals(at(day, 15, 30), ProtoTime.toInstant(hearing.getEndsAt()));
    }

    @Test
    void anOnSiteRequestIsHeldAtTheVillageHallInTheEveningForTheDefaultDuration() {
        Hearing hearing = scheduling.requestHearing(request("QX-BAIXI", uniqueId("M"))
                .setOnSite(true).setDurationMinutes(0).build());

        assertEquals("溪东村文化礼堂", hearing.getVenueName());
        ZonedDateTime start = ProtoTime.toInstant(hearing.getStartsAt()).atZone(SHANGHAI);
        assertFalse(start.toLocalTime().isBefore(LocalTime.of(18, 30)), "before the hall opens: " + start);
        assertEquals(Duration.ofMinutes(90), Duration.between(start.toInstant(), ProtoTime.toInstant(hearing.getEndsAt())));
        assertFalse(ProtoTime.toInstant(hearing.getEndsAt()).atZone(SHANGHAI).toLocalTime().isAfter(LocalTime.of(21, 30)));
    }

    @Test
    void aRoomTooSmallForEveryoneIsPassedOver() {
        String center = newCenter(1);
        QuarkusTransaction.requiringNew().run(() -> {
            Venue small = new Venue();
            small.id = UUID.randomUUID();
            small.centerCode = center;
            // sorts before "调解室 1", so it would be taken first if it were large enough
            small.name = "小会谈室";
            small.address = "测试路 9 号";
            small.kind = VenueKind.ROOM;
            small.capacity = 2;
            small.opens = LocalTime.of(8, 30);
            small.closes = LocalTime.of(17, 30);
            small.persist();
        });

        Hearing hearing = scheduling.requestHearing(request(center, uniqueId("M"), uniqueId("M")).build());

        assertEquals("调解室 1", hearing.getVenueName());
    }

    @Test
    void aRepeatedRequestForTheSameCaseReturnsItsHearingAndWritesNothing() {
        HearingRequest first = request(newCenter(1), uniqueId("M")).build();
        Hearing booked = scheduling.requestHearing(first);
        long hearings = count("select count(*) from hearing");
        long messages = count("select count(*) from outbox_message");

        Hearing again = scheduling.requestHearing(first.toBuilder().setMessageId(UUID.randomUUID().toString()).build());

        assertEquals(booked, again);
        assertEquals(hearings, count("select count(*) from hearing"));
        assertEquals(messages, count("select count(*) from outbox_message"));
    }

    @Test
    void aRepeatedMessageIsAppliedOnceEvenAfterItsHearingWasCancelled() {
        String mediator = uniqueId("M");
        LocalDate day = workingDayAfter(8);
        FakeMediatorService.setFreeWindows(mediator, List.of(new TimeRange(at(day, 9, 0), at(day, 17, 30))));
        HearingRequest request = request(newCenter(1), mediator).build();
        Hearing booked = scheduling.requestHearing(request);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update hearing set status = 'CANCELLED' where id = cast(?1 as uuid)")
                .setParameter(1, booked.getHearingId()).executeUpdate());
        // the participants' copy of the status follows the hearing (composite foreign key, on update cascade)
        assertEquals(0, count("select count(*) from hearing_participant where hearing_id = '" + booked.getHearingId()
                + "' and status <> 'CANCELLED'"));

        Hearing repeated = scheduling.requestHearing(request);
        assertEquals(booked.getHearingId(), repeated.getHearingId());
        assertEquals(HearingStatus.CANCELLED, repeated.getStatus());

        Hearing rebooked = scheduling.requestHearing(request.toBuilder().setMessageId(UUID.randomUUID().toString()).build());
        assertNotEquals(booked.getHearingId(), rebooked.getHearingId());
        // the cancelled hearing no longer holds the venue or the participants
        assertEquals(at(day, 9, 0), ProtoTime.toInstant(rebooked.getStartsAt()));
    }

    @Test
    void anAdjournedHearingIsClosedSoTheNextRequestBooksANewOneInItsSlot() {
        String mediator = uniqueId("M");
        LocalDate day = workingDayAfter(8);
        FakeMediatorService.setFreeWindows(mediator, List.of(new TimeRange(at(day, 9, 0), at(day, 17, 30))));
        HearingRequest request = request(newCenter(1), mediator).build();
        Hearing booked = scheduling.requestHearing(request);
        long messages = count("select count(*) from outbox_message");

        HearingRecord adjourned = HearingRecord.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setHearingId(booked.getHearingId()).setCaseId(request.getCaseId()).setHeld(false)
                .setReason("休庭改期").setRecordedBy("staff-qx-1").build();
        assertEquals(HearingStatus.CANCELLED, scheduling.recordHearing(adjourned).getStatus());
        // the same record again changes nothing; nobody is told of a hearing whose time has come
        assertEquals(HearingStatus.CANCELLED, scheduling.recordHearing(adjourned).getStatus());
        assertEquals(messages, count("select count(*) from outbox_message"));
        assertEquals(1, count("select count(*) from hearing_change where kind = 'NOT_HELD' and hearing_id = '"
                + booked.getHearingId() + "' and reason = '休庭改期'"));

        Hearing next = scheduling.requestHearing(request.toBuilder().setMessageId(UUID.randomUUID().toString()).build());
        assertNotEquals(booked.getHearingId(), next.getHearingId());
        assertEquals(HearingStatus.BOOKED, next.getStatus());
        assertEquals(at(day, 9, 0), ProtoTime.toInstant(next.getStartsAt()));
    }

    @Test
    void aHeldHearingStaysInItsSlotAndCannotBeRecordedNotHeldAfterwards() {
        HearingRequest request = request(newCenter(1), uniqueId("M")).build();
        Hearing booked = scheduling.requestHearing(request);
        HearingRecord held = HearingRecord.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setHearingId(booked.getHearingId()).setCaseId(request.getCaseId()).setHeld(true)
                .setRecordedBy("staff-qx-1").build();

        assertEquals(HearingStatus.HELD, scheduling.recordHearing(held).getStatus());
        assertEquals(booked.getStartsAt(), scheduling.getHearing(GetHearingRequest.newBuilder()
                .setHearingId(booked.getHearingId()).build()).getStartsAt());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> scheduling.recordHearing(held.toBuilder().setHeld(false).setReason("一方当事人缺席").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        StatusRuntimeException other = assertThrows(StatusRuntimeException.class, () -> scheduling.recordHearing(
                held.toBuilder().setCaseId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, other.getStatus().getCode());
    }

    @Test
    void aParticipantIsNeverBookedTwiceAtOnceEvenWhenAnotherVenueIsFree() {
        String center = newCenter(2);
        String mediator = uniqueId("M");
        Hearing first = scheduling.requestHearing(request(center, mediator).build());
        Hearing second = scheduling.requestHearing(request(center, mediator).build());

        assertFalse(range(first).overlaps(range(second)));
        // the mediator's next free slot: right after the first, or the next working morning when the day is over
        Instant firstEnds = ProtoTime.toInstant(first.getEndsAt());
        Duration length = Duration.between(ProtoTime.toInstant(first.getStartsAt()), firstEnds);
        assertEquals(Fixtures.firstRoomSlotFrom(firstEnds, length), ProtoTime.toInstant(second.getStartsAt()));
    }

    @Test
    void aVenueIsNeverBookedTwiceAtOnceUnderConcurrentRequests() throws Exception {
        String center = newCenter(1);
        List<Callable<Hearing>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HearingRequest request = request(center, uniqueId("M")).build();
            requests.add(() -> scheduling.requestHearing(request));
        }
        List<Hearing> hearings = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Hearing> f : pool.invokeAll(requests)) {
                hearings.add(f.get());
            }
        }
        for (int i = 0; i < hearings.size(); i++) {
            for (int j = i + 1; j < hearings.size(); j++) {
                assertFalse(range(hearings.get(i)).overlaps(range(hearings.get(j))),
                        hearings.get(i) + " overlaps " + hearings.get(j));
            }
        }
    }

    @Test
    void withNoSlotBeforeTheDeadlineTheEarliestSlotAfterItIsBookedOutsideTheDeadline() {
        String mediator = uniqueId("M");
        LocalDate day = workingDayAfter(12);
        FakeMediatorService.setFreeWindows(mediator, List.of(new TimeRange(at(day, 8, 30), at(day, 17, 30))));
        HearingRequest request = request(newCenter(1), mediator)
                .setDeadline(ProtoTime.of(Instant.now().plus(Duration.ofDays(5)))).build();

        Hearing hearing = scheduling.requestHearing(request);

        assertEquals(at(day, 8, 30), ProtoTime.toInstant(hearing.getStartsAt()));
        assertFalse(hearing.getWithinDeadline());
        assertFalse(scheduledMessageOf(hearing.getHearingId()).getWithinDeadline());
        // and the supervisors over the case's area are alerted, once
        List<NoticeRequest> alerts = Outboxes.notices(request.getCaseNo(), NoticeKind.OVERDUE_ALERT);
        assertEquals(1, alerts.size());
        assertEquals(RecipientKind.SUPERVISOR, alerts.get(0).getRecipient().getKind());
        assertEquals("area:" + request.getAreaCode(), alerts.get(0).getRecipient().getId());
        assertEquals("HEARING_AFTER_DEADLINE", alerts.get(0).getFieldsOrThrow("reminder"));
    }

    @Test
    void aMediatorWithoutAnyFreeWindowLeavesNoSlot() {
        String mediator = uniqueId("M");
        FakeMediatorService.setFreeWindows(mediator, List.of());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> scheduling.requestHearing(request(newCenter(1), mediator).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    }

    @Test
    void theOutboxHoldsOneCaseMessageAndOneNoticePerParticipantWithTheBooking() {
        HearingRequest request = request(newCenter(1), uniqueId("M"), uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(request);

        HearingScheduled scheduled = scheduledMessageOf(hearing.getHearingId());
        assertEquals(request.getCaseId(), scheduled.getCaseId());
        assertEquals(hearing.getStartsAt(), scheduled.getStartsAt());
        assertEquals("调解室 1", scheduled.getVenueName());
        assertEquals("测试路 1 号", scheduled.getVenueAddress());
        assertFalse(scheduled.getMessageId().isBlank());

        List<NoticeRequest> notices = outbox(SchedulingTopics.SEND_NOTICE).stream().map(RequestHearingTest::notice)
                .filter(n -> n.getIdempotencyKey().startsWith("hearing:" + hearing.getHearingId() + ":")).toList();
        assertEquals(4, notices.size());
        Set<String> recipients = notices.stream().map(n -> n.getRecipient().getKind() + " " + n.getRecipient().getId())
                .collect(Collectors.toSet());
        assertEquals(Set.of(
                "PARTY " + request.getParties(0).getPartyId(), "PARTY " + request.getParties(1).getPartyId(),
                "MEDIATOR " + request.getTeam(0).getMediatorId(), "MEDIATOR " + request.getTeam(1).getMediatorId()),
                recipients);
        NoticeRequest toApplicant = notices.stream()
                .filter(n -> n.getRecipient().getId().equals(request.getParties(0).getPartyId())).findFirst().orElseThrow();
        assertEquals(NoticeKind.HEARING_NOTICE, toApplicant.getKind());
        assertEquals(RecipientKind.PARTY, toApplicant.getRecipient().getKind());
        assertEquals("13812345678", toApplicant.getRecipient().getPhone());
        assertEquals(request.getCaseNo(), toApplicant.getFields().get("caseNo"));
        String localStart = ProtoTime.toInstant(hearing.getStartsAt()).atZone(SHANGHAI).toLocalDateTime().toString()
                .replace('T', ' ');
        assertEquals(localStart, toApplicant.getFields().get("startsAt"));
        assertEquals("调解室 1", toApplicant.getFields().get("venueName"));
        assertEquals("测试路 1 号", toApplicant.getFields().get("venueAddress"));
        assertTrue(toApplicant.getFields().get("team").contains("调解员" + request.getTeam(0).getMediatorId() + "（人民调解员）"));
    }

    @Test
    void getHearingFindsItByIdOrByCase() {
        HearingRequest request = request(newCenter(1), uniqueId("M")).build();
        Hearing booked = scheduling.requestHearing(request);

        assertEquals(booked, scheduling.getHearing(GetHearingRequest.newBuilder().setHearingId(booked.getHearingId()).build()));
        assertEquals(booked, scheduling.getHearing(GetHearingRequest.newBuilder().setCaseId(request.getCaseId()).build()));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> scheduling.getHearing(
                GetHearingRequest.newBuilder().setCaseId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void anIncompleteRequestIsInvalidAndBooksNothing() {
        long hearings = count("select count(*) from hearing");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> scheduling.requestHearing(request(newCenter(1), uniqueId("M")).setCaseId("not-a-uuid").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("case_id"));
        assertEquals(hearings, count("select count(*) from hearing"));
    }

    private static void assertBetween(Instant low, Instant high, Instant actual) {
        assertTrue(!actual.isBefore(low) && !actual.isAfter(high), actual + " is not within " + low + " .. " + high);
    }

    private static void assertInsideRoomHoursOnAWorkingDay(Instant start, Instant end) {
        ZonedDateTime localStart = start.atZone(SHANGHAI);
        ZonedDateTime localEnd = end.atZone(SHANGHAI);
        assertTrue(localStart.getDayOfWeek().getValue() <= 5, "on a weekend: " + localStart);
        assertEquals(localStart.toLocalDate(), localEnd.toLocalDate());
        assertFalse(localStart.toLocalTime().isBefore(LocalTime.of(8, 30)), "before opening: " + localStart);
        assertFalse(localEnd.toLocalTime().isAfter(LocalTime.of(17, 30)), "after closing: " + localEnd);
        assertEquals(0, localStart.getMinute() % 30);
    }

    private static TimeRange range(Hearing h) {
        return new TimeRange(ProtoTime.toInstant(h.getStartsAt()), ProtoTime.toInstant(h.getEndsAt()));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static List<OutboxMessage> outbox(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("topic", topic));
    }

    private static HearingScheduled scheduledMessageOf(String hearingId) {
        List<HearingScheduled> messages = outbox(SchedulingTopics.RECORD_HEARING_SCHEDULED).stream()
                .map(m -> parse(() -> HearingScheduled.parseFrom(m.payload)))
                .filter(m -> m.getHearingId().equals(hearingId)).toList();
        assertEquals(1, messages.size());
        return messages.getFirst();
    }

    private static NoticeRequest notice(OutboxMessage m) {
        return parse(() -> NoticeRequest.parseFrom(m.payload));
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parser<T> parser) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
