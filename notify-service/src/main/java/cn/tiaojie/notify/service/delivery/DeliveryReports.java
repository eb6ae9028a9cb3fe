package cn.tiaojie.notify.service.delivery;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** What channels report after a send: an SMS delivered or undelivered, an e-mail bounced. */
@ApplicationScoped
public class DeliveryReports {

    private final EntityManager em;
    private final DeliveryDispatcher dispatcher;

    DeliveryReports(EntityManager em, DeliveryDispatcher dispatcher) {
        this.em = em;
        this.dispatcher = dispatcher;
    }

    /**
     * The gateway delivered the message. A report can overtake the dispatcher recording SENT; then the time is kept
     * and the dispatcher makes it DELIVERED when it records the send.
     */
    @Transactional
    public void delivered(UUID deliveryId) {
        em.createNativeQuery("""
                update delivery set delivered_at = coalesce(delivered_at, :now), updated_at = :now,
                    state = case when state = 'SENT' then 'DELIVERED' else state end
                where id = :id and state in ('SENDING', 'SENT')""")
                .setParameter("now", Instant.now()).setParameter("id", deliveryId).executeUpdate();
    }

    /** The message did not reach the recipient after all (SMS undelivered, e-mail bounced): FAILED, then fall back. */
    @Transactional
    public Delivery failed(UUID deliveryId, String reason) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
        if (delivery.state == DeliveryState.FAILED) {
            return delivery;
        }
        if (delivery.state == DeliveryState.ACKNOWLEDGED) {
            throw ProblemException.conflict("delivery " + deliveryId + " was acknowledged by its recipient");
        }
        Instant now = Instant.now();
        delivery.recordFailure(reason, now, null, true);
        dispatcher.fallBack(delivery, now);
        return delivery;
    }

    /** A bounce of the notice's e-mail, as the mail system reported it. */
    @Transactional
    public Delivery emailBounced(UUID noticeId, String reason) {
        if (em.find(Notice.class, noticeId) == null) {
            throw ProblemException.notFound("notice", noticeId);
        }
        Delivery email = Delivery.<Delivery>find("noticeId = ?1 and channel = ?2", noticeId, Channel.EMAIL)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.conflict("notice " + noticeId + " has no e-mail delivery"));
        if (email.isPending()) {
            throw ProblemException.conflict("the e-mail of notice " + noticeId + " has not been sent yet");
        }
        return failed(email.id, "bounced: " + reason);
    }
}
