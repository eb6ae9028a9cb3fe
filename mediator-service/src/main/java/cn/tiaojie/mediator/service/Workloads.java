package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How busy a member of the pool is, for their profile: open cases counted as matching counts them (a live offer, or
 * an accepted place whose case is still within its deadline), the last 30 days' answers, and their latest offers.
 */
@ApplicationScoped
public class Workloads {

    public static final Duration RECENT = Duration.ofDays(30);
    public static final int LATEST_OFFERS = 20;

    public record Workload(String mediatorId, long openCases, int capacity, Instant since,
            Map<OfferStatus, Long> offersSince, List<Offer> latestOffers) {
    }

    private final EntityManager em;

    Workloads(EntityManager em) {
        this.em = em;
    }

    public Workload of(Mediator mediator, Instant now) {
        long open = em.createQuery("""
                select count(o) from Offer o
                 where o.mediator.id = :id
                   and (o.status = :offered or (o.status = :accepted and o.team.deadline > :now))""", Long.class)
                .setParameter("id", mediator.id).setParameter("offered", OfferStatus.OFFERED)
                .setParameter("accepted", OfferStatus.ACCEPTED).setParameter("now", now).getSingleResult();
        Instant since = now.minus(RECENT);
        Map<OfferStatus, Long> byStatus = new EnumMap<>(OfferStatus.class);
        for (OfferStatus status : OfferStatus.values()) {
            byStatus.put(status, 0L);
        }
        em.createQuery("select o.status, count(o) from Offer o where o.mediator.id = :id and o.offeredAt > :since"
                + " group by o.status", Object[].class).setParameter("id", mediator.id).setParameter("since", since)
                .getResultList().forEach(row -> byStatus.put((OfferStatus) row[0], (Long) row[1]));
        List<Offer> latest = Offer.<Offer>find("mediator.id", Sort.descending("offeredAt"), mediator.id)
                .page(Page.ofSize(LATEST_OFFERS)).list();
        return new Workload(mediator.id, open, mediator.capacity, since, byStatus, latest);
    }
}
