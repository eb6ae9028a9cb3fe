package cn.tiaojie.scheduling.service.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * At startup, seals the hearing requests still stored plain (booked before sealing) and re-seals those under a
 * retired key with the active one, in batches. Opening the keys here also makes a missing or refused key stop the
 * service at startup rather than at the first booking.
 */
@ApplicationScoped
public class RequestSealing {

    private static final Logger LOG = Logger.getLogger(RequestSealing.class);
    private static final int BATCH = 200;

    private final EntityManager em;

    RequestSealing(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.infof("sealed the stored requests of %d hearings under the active key", sealed);
        }
    }

    /** How many stored requests were (re)sealed. */
    public int sealAll() {
        byte[] active = SealedRequests.activePrefix();
        int total = 0;
        UUID after = new UUID(0, 0); // the lowest uuid in PostgreSQL's unsigned order
        while (true) {
            UUID from = after;
            List<Object[]> page = QuarkusTransaction.requiringNew().call(() -> page(from, active));
            if (page.isEmpty()) {
                return total;
            }
            for (Object[] row : page) {
                UUID id = (UUID) row[0];
                byte[] stored = (byte[]) row[1];
                total += QuarkusTransaction.requiringNew().call(() -> reseal(id, stored));
            }
            after = (UUID) page.get(page.size() - 1)[0];
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(UUID after, byte[] activePrefix) {
        return em.createNativeQuery("""
                select id, request from hearing
                where id > ?1 and request is not null and substring(request from 1 for ?2) <> ?3
                order by id limit ?4""")
                .unwrap(NativeQuery.class)
                .setParameter(1, after)
                .setParameter(2, activePrefix.length)
                .setParameter(3, activePrefix, byte[].class)
                .setParameter(4, BATCH)
                .getResultList();
    }

    /** 1 when the row still held what was read and is now sealed; a concurrent writer has sealed it already. */
    private int reseal(UUID hearingId, byte[] stored) {
        return em.createNativeQuery("update hearing set request = ?2 where id = ?1 and request = ?3")
                .unwrap(NativeQuery.class)
                .setParameter(1, hearingId)
                .setParameter(2, SealedRequests.seal(SealedRequests.open(stored)), byte[].class)
                .setParameter(3, stored, byte[].class)
                .executeUpdate();
    }
}
