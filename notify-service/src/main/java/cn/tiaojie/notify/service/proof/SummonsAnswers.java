package cn.tiaojie.notify.service.proof;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.client.CaseMessages;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.SummonsAnswer;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A summoned department answers on the page of its summons, without an account: kept with the notice, relayed to
 * case-service through the outbox, and taken as the department's receipt. One answer per summons notice (a
 * reminder's notice answers the same summons; case-service keeps the first).
 */
@ApplicationScoped
public class SummonsAnswers {

    public record Answered(SummonsAnswer answer, boolean first) {
    }

    private final EntityManager em;
    private final CaseMessages caseMessages;
    private final ProofOfService proof;

    SummonsAnswers(EntityManager em, CaseMessages caseMessages, ProofOfService proof) {
        this.em = em;
        this.caseMessages = caseMessages;
        this.proof = proof;
    }

    public static boolean asksForAnswer(Notice notice) {
        return notice.kind == NoticeKind.DEPARTMENT_SUMMONS && notice.recipientKind == RecipientKind.DEPARTMENT
                && notice.caseId != null && notice.fields != null && notice.fields.containsKey("summonsId");
    }

    /** Null when the notice does not exist; a second answer keeps the first. */
    @Transactional
    public Answered answer(UUID noticeId, Channel channel, String response, String attendee, Instant arrivesAt,
            String note, String ip, String userAgent, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String keptNote = blankToNull(note);
        String keptAttendee = blankToNull(attendee);
        if (!"REPORTED".equals(response) && !"DECLINED".equals(response)) {
            errors.add(new Problem.FieldError("response", "must be REPORTED or DECLINED"));
        } else if (response.equals("REPORTED")) {
            if (keptAttendee == null) {
                errors.add(new Problem.FieldError("attendee", "say who comes"));
            }
            if (arrivesAt == null) {
                errors.add(new Problem.FieldError("arrivesAt", "say when they come"));
            } else if (arrivesAt.isBefore(now.minusSeconds(3600))) {
                errors.add(new Problem.FieldError("arrivesAt", "must not be in the past"));
            }
        } else if (keptNote == null) {
            errors.add(new Problem.FieldError("note", "say why the department cannot come"));
        }
        if (keptAttendee != null && keptAttendee.length() > 100) {
            errors.add(new Problem.FieldError("attendee", "must be at most 100 characters"));
        }
        if (keptNote != null && keptNote.length() > 1000) {
            errors.add(new Problem.FieldError("note", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            return null;
        }
        if (!asksForAnswer(notice)) {
            throw ProblemException.conflict("notice " + noticeId + " is not a summons");
        }
        SummonsAnswer existing = SummonsAnswer.findById(noticeId);
        if (existing != null) {
            return new Answered(existing, false);
        }
        SummonsAnswer a = new SummonsAnswer();
        a.noticeId = noticeId;
        a.response = response;
        a.attendee = response.equals("REPORTED") ? keptAttendee : null;
        a.arrivesAt = response.equals("REPORTED") ? arrivesAt : null;
        a.note = keptNote;
        a.answeredAt = now;
        a.persist();
        proof.acknowledge(noticeId, channel, now, ip, userAgent);
        caseMessages.summonsAnswered(notice, a);
        return new Answered(a, true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
