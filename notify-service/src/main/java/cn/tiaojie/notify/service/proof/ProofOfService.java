package cn.tiaojie.notify.service.proof;

import cn.tiaojie.notify.client.CaseMessages;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Proof of service (送达回证): the recipient confirms receipt through the notice's signed link. The first
 * confirmation is recorded (time, channel of the link, IP, user agent), the delivery on that channel becomes
 * ACKNOWLEDGED and case-service is told through the outbox; a repeated confirmation changes nothing.
 */
@ApplicationScoped
public class ProofOfService {

    private static final int MAX_USER_AGENT = 500;

    public record Acknowledged(Receipt receipt, boolean first) {
    }

    private final EntityManager em;
    private final CaseMessages caseMessages;

    ProofOfService(EntityManager em, CaseMessages caseMessages) {
        this.em = em;
        this.caseMessages = caseMessages;
    }

    /** The first time the notice's link is opened: the served document was viewed, through that channel's link. */
    @Transactional
    public void opened(UUID noticeId, Channel channel, Instant at) {
        em.createNativeQuery("""
                update notice set opened_at = ?1, opened_channel = ?2 where id = ?3 and opened_at is null""")
                .setParameter(1, at).setParameter(2, channel.name()).setParameter(3, noticeId).executeUpdate();
    }

    /** Null when the notice does not exist. Concurrent confirmations meet at the notice's row lock. */
    @Transactional
    public Acknowledged acknowledge(UUID noticeId, Channel channel, String ip, String userAgent) {
        return acknowledge(noticeId, channel, Instant.now(), ip, userAgent);
    }

    /** Receipt confirmed at {@code at}: now for a link, the time on the signed slip for paper service. */
    @Transactional
    public Acknowledged acknowledge(UUID noticeId, Channel channel, Instant at, String ip, String userAgent) {
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            return null;
        }
        Receipt existing = Receipt.findById(noticeId);
        if (existing != null) {
            return new Acknowledged(existing, false);
        }
        Instant now = at;
        Receipt receipt = new Receipt();
        receipt.noticeId = noticeId;
        receipt.acknowledgedAt = now;
        receipt.channel = channel;
        receipt.ip = ip;
        receipt.userAgent = userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT);
        receipt.persist();
        notice.acknowledgedAt = now;
        em.createNativeQuery("""
                update delivery set state = 'ACKNOWLEDGED', updated_at = :now
                where notice_id = :notice and channel = :channel and state in ('SENT', 'DELIVERED')""")
                .setParameter("now", now).setParameter("notice", noticeId).setParameter("channel", channel.name())
                .executeUpdate();
        if (notice.caseId != null && notice.isToResident()) {
            caseMessages.noticeAcknowledged(notice, channel, now);
        }
        return new Acknowledged(receipt, true);
    }
}
