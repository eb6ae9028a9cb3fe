package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.service.booking.BookingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What other services must learn of a hearing, put in the outbox in the caller's transaction: case-service its
 * case's hearing ({@link CaseClient} delivers), every participant their notice ({@link NotifyClient} delivers).
 */
@ApplicationScoped
public class HearingOutbox {

    private final HearingMessages messages;
    private final Outbox outbox;

    HearingOutbox(HearingMessages messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    /** case-service: its case's hearing is booked (排期) or moved. */
    public void hearingScheduled(Hearing h) {
        outbox.enqueue(SchedulingTopics.RECORD_HEARING_SCHEDULED, messages.hearingScheduled(h));
    }

    /** case-service: its case's hearing is off, so the case waits for a new one. */
    public void hearingCancelled(Hearing h, String reason, String cancelledBy, Instant at) {
        outbox.enqueue(SchedulingTopics.RECORD_HEARING_CANCELLED, messages.hearingCancelled(h, reason, cancelledBy, at));
    }

    /** The hearing notice to everyone the request names. */
    public void hearingNotices(Hearing h, BookingRequest request) {
        notices(messages.notices(h, request));
    }

    /** The supervisors over the case's area: no slot fitted before the case's deadline. */
    public void bookedAfterDeadlineAlert(Hearing h) {
        notices(List.of(messages.bookedAfterDeadlineAlert(h)));
    }

    /** Everyone again: the hearing moved from {@code previousStart}, and why. */
    public void rescheduledNotices(Hearing h, BookingRequest request, Instant previousStart, String reason) {
        notices(messages.rescheduledNotices(h, request, previousStart, reason));
    }

    /** The reminder {@code lead} before the hearing. */
    public void reminderNotices(Hearing h, BookingRequest request, Duration lead) {
        notices(messages.reminderNotices(h, request, lead));
    }

    /** The hearing is off, and why. */
    public void cancelledNotices(Hearing h, BookingRequest request, String reason) {
        notices(messages.cancelledNotices(h, request, reason));
    }

    private void notices(List<NoticeRequest> notices) {
        for (NoticeRequest notice : notices) {
            outbox.enqueue(SchedulingTopics.SEND_NOTICE, notice);
        }
    }
}
