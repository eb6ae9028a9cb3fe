package cn.tiaojie.notify.service.proof;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.notify.client.CaseMessages;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.NoticeRating;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The rating a party gives on the page of their evaluation invitation: kept with the notice, relayed to
 * case-service through the outbox, and taken as the party's confirmation of receipt. One per invitation.
 */
@ApplicationScoped
public class EvaluationRatings {

    public static final int MAX_COMMENT = 1000;

    public record Rated(NoticeRating rating, boolean first) {
    }

    private final EntityManager em;
    private final CaseMessages caseMessages;
    private final ProofOfService proof;

    EvaluationRatings(EntityManager em, CaseMessages caseMessages, ProofOfService proof) {
        this.em = em;
        this.caseMessages = caseMessages;
        this.proof = proof;
    }

    /** Whether the notice is one whose page asks its reader for a rating. */
    public static boolean asksForRating(Notice notice) {
        return notice.kind == NoticeKind.EVALUATION_INVITATION && notice.isToResident() && notice.caseId != null;
    }

    /** Null when the notice does not exist; a second rating of one invitation keeps the first. */
    @Transactional
    public Rated rate(UUID noticeId, Channel channel, Integer score, String comment, String ip, String userAgent) {
        if (score == null || score < 1 || score > 5) {
            throw ProblemException.badRequest("score", "must be between 1 and 5");
        }
        String kept = comment == null || comment.isBlank() ? null : comment.strip();
        if (kept != null && kept.length() > MAX_COMMENT) {
            throw ProblemException.badRequest("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            return null;
        }
        if (!asksForRating(notice)) {
            throw ProblemException.conflict("notice " + noticeId + " is not an invitation to rate");
        }
        NoticeRating existing = NoticeRating.findById(noticeId);
        if (existing != null) {
            return new Rated(existing, false);
        }
        NoticeRating rating = new NoticeRating();
        rating.noticeId = noticeId;
        rating.score = score.shortValue();
        rating.comment = kept;
        rating.ratedAt = Instant.now();
        rating.persist();
        proof.acknowledge(noticeId, channel, ip, userAgent);
        caseMessages.ratingRecorded(notice, rating);
        return new Rated(rating, true);
    }
}
