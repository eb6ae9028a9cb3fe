package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import java.time.Instant;
import java.util.List;

/** What the other services report about a case, each applied once per {@code messageId}. */
public final class Reports {

    private Reports() {
    }

    /** mediator-service formed the team. */
    public record TeamAssigned(String messageId, String caseId, String teamId, List<TeamMember> members) {
    }

    /** scheduling-service booked a hearing. */
    public record HearingScheduled(String messageId, String caseId, String hearingId, Instant startsAt,
            String venueName, boolean withinDeadline) {
    }

    /** scheduling-service cancelled a hearing; {@code cancelledAt} null when it did not say when. */
    public record HearingCancelled(String messageId, String caseId, String hearingId, Instant cancelledAt,
            String cancelledBy, String reason) {
    }

    /** notify-service: a party confirmed receipt of a notice. */
    public record NoticeAcknowledged(String messageId, String caseId, String noticeId, String partyId,
            NoticeChannel channel, Instant acknowledgedAt) {
    }
}
