package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.MediatorRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How evenly offers were spread over a period: per role and area (the mediator's area), the offers made and how they
 * ended, and the distribution of offers over the mediators who could have had them (every ACTIVE mediator, and
 * anyone who was offered something): the max/min ratio and the Gini coefficient (0 perfectly even, towards 1 all to
 * one person).
 */
@ApplicationScoped
public class FairnessReport {

    public record Group(String role, String areaCode, int mediators, long offers, long accepts, long declines,
            long expiries, long maxOffers, long minOffers, Double maxMinRatio, double gini) {
    }

    public record Report(Instant from, Instant to, String area, List<Group> byRoleAndArea, List<Group> byRole) {
    }

    private record MediatorCounts(String role, String areaCode, long offers, long accepts, long declines,
            long expiries) {
    }

    private final EntityManager em;

    FairnessReport(EntityManager em) {
        this.em = em;
    }

    /** The report of the mediators within {@code area}, or of the whole pool when it is null. */
    @Transactional
    public Report report(Instant from, Instant to, String area, MediatorRole role) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.role, m.area_code,
                       count(o.id), count(o.id) filter (where o.status = 'ACCEPTED'),
                       count(o.id) filter (where o.status = 'DECLINED'), count(o.id) filter (where o.status = 'EXPIRED')
                  from mediator m
                  left join offer o on o.mediator_id = m.id and o.offered_at >= ?1 and o.offered_at < ?2
                 where m.area_code like ?3 and (?4 = '' or m.role = ?4)
                 group by m.id, m.role, m.area_code, m.status
                having m.status = 'ACTIVE' or count(o.id) > 0""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, (area == null ? "" : area) + "%")
                .setParameter(4, role == null ? "" : role.name())
                .getResultList();
        List<MediatorCounts> counts = rows.stream().map(r -> new MediatorCounts((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue())).toList();
        Map<String, List<MediatorCounts>> byRoleAndArea = new TreeMap<>();
        Map<String, List<MediatorCounts>> byRole = new TreeMap<>();
        for (MediatorCounts c : counts) {
            byRoleAndArea.computeIfAbsent(c.role() + "|" + c.areaCode(), k -> new ArrayList<>()).add(c);
            byRole.computeIfAbsent(c.role(), k -> new ArrayList<>()).add(c);
        }
        List<Group> areaGroups = new ArrayList<>();
        byRoleAndArea.forEach((key, group) -> areaGroups.add(group(group.get(0).role(), group.get(0).areaCode(), group)));
        List<Group> roleGroups = new ArrayList<>();
        byRole.forEach((r, group) -> roleGroups.add(group(r, area, group)));
        return new Report(from, to, area, areaGroups, roleGroups);
    }

    private static Group group(String role, String areaCode, List<MediatorCounts> group) {
        long[] offers = group.stream().mapToLong(MediatorCounts::offers).toArray();
        long max = Arrays.stream(offers).max().orElse(0);
        long min = Arrays.stream(offers).min().orElse(0);
        return new Group(role, areaCode, group.size(), Arrays.stream(offers).sum(),
                group.stream().mapToLong(MediatorCounts::accepts).sum(),
                group.stream().mapToLong(MediatorCounts::declines).sum(),
                group.stream().mapToLong(MediatorCounts::expiries).sum(),
                max, min, min == 0 ? null : Math.round(100.0 * max / min) / 100.0, gini(offers));
    }

    /** Gini = Σᵢ (2i − n − 1) xᵢ / (n Σ x) over the values sorted ascending, i from 1; 0 when nobody had any. */
    static double gini(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long total = Arrays.stream(sorted).sum();
        if (n == 0 || total == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return Math.round(1000 * weighted / (n * (double) total)) / 1000.0;
    }
}
