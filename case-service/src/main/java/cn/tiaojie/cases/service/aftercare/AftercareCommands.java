package cn.tiaojie.cases.service.aftercare;

import java.time.Instant;

/** What the aftercare of a case takes: ratings (评价) and follow-ups (回访). */
public final class AftercareCommands {

    private AftercareCommands() {
    }

    public record NewRating(Integer score, String comment) {
    }

    /** A rating given through the evaluation invitation's link, relayed by notify-service; blank comment: none. */
    public record RelayedRating(String messageId, String caseId, String partyId, String noticeId, int score,
            String comment, Instant ratedAt) {
    }

    public record NewFollowUp(String method, String note, Boolean agreementPerformed) {
    }
}
