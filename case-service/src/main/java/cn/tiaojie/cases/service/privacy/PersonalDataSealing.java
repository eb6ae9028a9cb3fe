package cn.tiaojie.cases.service.privacy;

import cn.tiaojie.platform.validation.ChinesePhones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import cn.tiaojie.platform.privacy.PersonalDataCipher;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * At startup, seals personal data still stored plain (rows from before encryption) and re-seals values under a
 * retired key with the active one, in batches: parties' phone and ID numbers, and team members' phones. Opening the
 * keys here also makes a missing or refused key stop the service at startup rather than at the first request.
 */
@ApplicationScoped
public class PersonalDataSealing {

    private static final Logger LOG = Logger.getLogger(PersonalDataSealing.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final PersonalData personalData;

    PersonalDataSealing(EntityManager em, PersonalData personalData) {
        this.em = em;
        this.personalData = personalData;
    }

    void onStart(@Observes StartupEvent event) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.infof("sealed the personal data of %d parties under the active key", sealed);
        }
        int mediators = resealTeamPhones();
        if (mediators > 0) {
            LOG.infof("sealed the phones of %d team members under the active key", mediators);
        }
    }

    /** How many team members' phones, sealed under a retired key, were sealed again under the active one. */
    public int resealTeamPhones() {
        String active = personalData.activeKeyPrefix();
        int total = 0;
        while (true) {
            List<Object[]> page = QuarkusTransaction.requiringNew().call(() -> teamPhonesToReseal(active));
            int changed = 0;
            for (Object[] row : page) {
                changed += QuarkusTransaction.requiringNew().call(() -> resealTeamPhone(row));
            }
            total += changed;
            // a row another writer changed meanwhile holds a new value already: a page that changes nothing ends it
            if (page.size() < BATCH || changed == 0) {
                return total;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> teamPhonesToReseal(String activeKeyPrefix) {
        return em.createNativeQuery("""
                select case_id, mediator_id, role, phone from team_member
                where phone is not null and left(phone, ?1) <> ?2 limit ?3""")
                .setParameter(1, activeKeyPrefix.length()).setParameter(2, activeKeyPrefix).setParameter(3, BATCH)
                .getResultList();
    }

    private int resealTeamPhone(Object[] row) {
        return em.createNativeQuery("""
                update team_member set phone = ?5
                where case_id = ?1 and mediator_id = ?2 and role = ?3 and phone = ?4""")
                .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, row[2]).setParameter(4, row[3])
                .setParameter(5, personalData.reseal(PersonalData.MEDIATOR_PHONE_FIELD, (String) row[3]))
                .executeUpdate();
    }

    /** How many parties' data was (re)sealed. */
    public int sealAll() {
        int total = 0;
        UUID after = new UUID(0, 0); // the lowest uuid in PostgreSQL's unsigned order
        while (true) {
            UUID from = after;
            List<Object[]> page = QuarkusTransaction.requiringNew().call(() -> page(from));
            if (page.isEmpty()) {
                return total;
            }
            for (Object[] row : page) {
                if (personalData.needsResealing((String) row[1]) || personalData.needsResealing((String) row[2])) {
                    QuarkusTransaction.requiringNew().run(() -> reseal((UUID) row[0], (String) row[1], (String) row[2]));
                    total++;
                }
            }
            after = (UUID) page.get(page.size() - 1)[0];
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(UUID after) {
        return em.createNativeQuery("""
                select id, phone, id_number from party
                where id > ?1 and (phone is not null or id_number is not null) order by id limit ?2""")
                .setParameter(1, after).setParameter(2, BATCH).getResultList();
    }

    private void reseal(UUID partyId, String phone, String idNumber) {
        boolean plainPhone = phone != null && !PersonalDataCipher.isSealed(phone);
        boolean plainId = idNumber != null && !PersonalDataCipher.isSealed(idNumber);
        String normalisedPhone = plainPhone ? ChinesePhones.normalise(phone).orElse(phone) : null;
        em.createNativeQuery("""
                update party set phone = ?2, id_number = ?3,
                    phone_hash = coalesce(?4, phone_hash), id_number_hash = coalesce(?5, id_number_hash)
                where id = ?1 and phone is not distinct from ?6 and id_number is not distinct from ?7""")
                .unwrap(NativeQuery.class)
                .setParameter(1, partyId)
                .setParameter(2, plainPhone ? personalData.seal(PersonalData.PHONE_FIELD, normalisedPhone)
                        : personalData.reseal(PersonalData.PHONE_FIELD, phone), String.class)
                .setParameter(3, personalData.reseal(PersonalData.ID_NUMBER_FIELD, idNumber), String.class)
                .setParameter(4, plainPhone ? personalData.phoneHash(normalisedPhone) : null, String.class)
                .setParameter(5, plainId ? personalData.idNumberHash(idNumber) : null, String.class)
                .setParameter(6, phone, String.class)
                .setParameter(7, idNumber, String.class)
                .executeUpdate();
    }
}
