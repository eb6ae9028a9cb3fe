package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.DeclaredConflict;
import cn.tiaojie.mediator.Mediator;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.Offer;
import cn.tiaojie.mediator.OfferStatus;
import cn.tiaojie.mediator.Team;
import cn.tiaojie.platform.area.AreaCodes;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks the pool for one role of a team. Hard rules exclude a mediator (role, active, jurisdiction, not asked
 * before for this case, no conflict of interest, spare capacity); soft rules score the rest (expertise, proximity,
 * load, language, rating), and rotation breaks ties in favour of whoever was offered a case longest ago.
 */
@ApplicationScoped
public class Matching {

    static final double SUBCATEGORY_EXPERTISE = 30;
    static final double CATEGORY_EXPERTISE = 20;
    static final double PER_LEVEL_CLOSER = 8;
    static final double FULL_LOAD_PENALTY = 10;
    static final double SHARED_LANGUAGE = 15;
    static final double PER_RATING_POINT = 2;
    /** an unrated newcomer scores as a middling mediator, neither favoured nor buried */
    static final double UNRATED = 3.0;

    public record Candidate(Mediator mediator, double score, Map<String, Double> scoreParts, long load) {
    }

    public record Excluded(Mediator mediator, String reason) {
    }

    public record Ranking(List<Candidate> candidates, List<Excluded> excluded) {

        public boolean isEmpty() {
            return candidates.isEmpty();
        }
    }

    public Ranking rank(Team team, MediatorRole role, Instant now) {
        List<Mediator> pool = Mediator.list("role", Sort.ascending("id"), role);
        String handlingArea = AreaCodes.ancestorAt(team.areaCode, team.level);
        Set<String> askedBefore = team.offers.stream().map(o -> o.mediator.id).collect(Collectors.toSet());
        Set<String> conflicted = conflictedMediators(team);
        Map<String, Long> loads = loads(now);
        Map<String, Instant> lastOffered = lastOffered();

        List<Candidate> candidates = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Mediator m : pool) {
            long load = loads.getOrDefault(m.id, 0L);
            String reason = exclusion(m, handlingArea, askedBefore, conflicted, load);
            if (reason != null) {
                excluded.add(new Excluded(m, reason));
            } else {
                Map<String, Double> parts = scoreParts(m, team, load);
                double score = parts.values().stream().mapToDouble(Double::doubleValue).sum();
                candidates.add(new Candidate(m, Math.round(score * 100) / 100.0, parts, load));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> lastOffered.get(c.mediator().id), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(c -> c.mediator().id));
        return new Ranking(List.copyOf(candidates), List.copyOf(excluded));
    }

    private static String exclusion(Mediator m, String handlingArea, Set<String> askedBefore, Set<String> conflicted,
            long load) {
        if (!m.active) {
            return "inactive";
        }
        if (!AreaCodes.isWithin(handlingArea, m.areaCode)) {
            return "serves " + m.areaCode + ", outside the handling area " + handlingArea;
        }
        if (askedBefore.contains(m.id)) {
            return "already offered this case";
        }
        if (conflicted.contains(m.id)) {
            return "declared a conflict of interest with a party";
        }
        if (load >= m.capacity) {
            return "at capacity (" + load + " of " + m.capacity + " open cases)";
        }
        return null;
    }

    static Map<String, Double> scoreParts(Mediator m, Team team, long load) {
        Map<String, Double> parts = new LinkedHashMap<>();
        List<String> expertise = m.expertiseList();
        String category = team.subcategory.substring(0, team.subcategory.indexOf('.'));
        parts.put("expertise", expertise.contains(team.subcategory) ? SUBCATEGORY_EXPERTISE
                : expertise.contains(category) ? CATEGORY_EXPERTISE : 0);
        // a township mediator is closer to a village case than a county one; the county itself counts zero
        parts.put("proximity", Math.max(0, AreaCodes.sharedLevels(m.areaCode, team.areaCode) - 1) * PER_LEVEL_CLOSER);
        parts.put("load", -FULL_LOAD_PENALTY * load / m.capacity);
        parts.put("language", speaksAPartysLanguage(m, team) ? SHARED_LANGUAGE : 0);
        parts.put("rating", (m.rating == null ? UNRATED : m.rating.doubleValue()) * PER_RATING_POINT);
        return parts;
    }

    /** Only languages other than Chinese count: every mediator speaks Chinese. */
    private static boolean speaksAPartysLanguage(Mediator m, Team team) {
        Set<String> spoken = m.languageList().stream().map(Matching::primaryLanguage).collect(Collectors.toSet());
        return team.parties.stream().map(p -> p.language).filter(Objects::nonNull).map(Matching::primaryLanguage)
                .filter(l -> !l.equals("zh")).anyMatch(spoken::contains);
    }

    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> conflictedMediators(Team team) {
        List<String> names = team.parties.stream().map(p -> p.name).filter(Objects::nonNull)
                .map(Matching::normalizedName).toList();
        if (names.isEmpty()) {
            return Set.of();
        }
        return DeclaredConflict.<DeclaredConflict>list("lower(trim(partyName)) in ?1", names).stream()
                .map(c -> c.mediatorId).collect(Collectors.toSet());
    }

    public static String normalizedName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Open cases per mediator: offers awaiting an answer, and accepted places on cases still inside their
     * resolution deadline (mediator-service is not told when a case closes).
     */
    private static Map<String, Long> loads(Instant now) {
        List<Object[]> rows = Offer.getEntityManager().createQuery(
                "select o.mediator.id, count(o) from Offer o join o.team t where o.status = :offered"
                        + " or (o.status = :accepted and t.deadline > :now) group by o.mediator.id", Object[].class)
                .setParameter("offered", OfferStatus.OFFERED)
                .setParameter("accepted", OfferStatus.ACCEPTED)
                .setParameter("now", now)
                .getResultList();
        Map<String, Long> loads = new HashMap<>();
        rows.forEach(r -> loads.put((String) r[0], (Long) r[1]));
        return loads;
    }

    private static Map<String, Instant> lastOffered() {
        List<Object[]> rows = Offer.getEntityManager().createQuery(
                "select o.mediator.id, max(o.offeredAt) from Offer o group by o.mediator.id", Object[].class)
                .getResultList();
        Map<String, Instant> last = new HashMap<>();
        rows.forEach(r -> last.put((String) r[0], (Instant) r[1]));
        return last;
    }
}
