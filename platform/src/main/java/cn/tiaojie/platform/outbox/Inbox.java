package cn.tiaojie.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers messages already applied, so a receiver applies a repeated message once. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * True the first time a message id is seen. Runs in the receiver's transaction: if the receiver rolls back,
     * the message counts as unseen. A concurrent duplicate waits on the primary key and then sees false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("message_id is required");
        }
        return em.createNativeQuery("insert into processed_message (message_id) values (?1) on conflict do nothing")
                .setParameter(1, messageId)
                .executeUpdate() == 1;
    }
}
