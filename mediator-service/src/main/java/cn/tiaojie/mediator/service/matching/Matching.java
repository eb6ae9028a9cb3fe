package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.mediator.config.MatchingConfig;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.platform.persistence.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Ranks the pool for one role of a case, or for each of several roles, in one SQL statement
 * ({@link RankingStatement}). The database selects only mediators of the role within reach of the case (their area
 * contains the handling area: at most four area codes, read through an index), applies every hard rule (each
 * exclusion with the rule that fired), scores the rest with the soft factors ({@link SoftFactors}) and returns only
 * the best candidates, the best-scored exclusions and the number of exclusions per rule ({@link RankingRows}).
 * Nothing reads the whole pool and nothing but the answer crosses the wire.
 */
@ApplicationScoped
public class Matching {

    /** what an offer needs: the chosen one, the runners-up it names, and a few more should they decline */
    public static final int OFFER_CANDIDATES = 10;
    /** exclusions listed one by one (best-scored first); beyond them only the counts per rule */
    public static final int LISTED_EXCLUSIONS = 50;

    private final EntityManager em;
    private final MatchingConfig config;
    /** the ranking with each read sent alongside it: one text per read, which the driver prepares once */
    private final Map<String, NamedSql> withAlongside = new ConcurrentHashMap<>();

    Matching(EntityManager em, MatchingConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The best {@code candidateLimit} candidates and best-scored {@code excludedLimit} exclusions, with counts. */
    public Ranking rank(Subject subject, MediatorRole role, Instant now, int candidateLimit, int excludedLimit) {
        return run(RankingStatement.PLANNED_ONCE_RANK_ALL, null, subject, List.of(role), now, null, candidateLimit,
                excludedLimit).get(role);
    }

    /**
     * The same for several roles of one case in one statement: each role ranked as {@link #rank} ranks it alone.
     * Saves a statement (its planning and a round trip) per role where a team asks for several roles at once.
     */
    public Map<MediatorRole, Ranking> rankEach(Subject subject, Collection<MediatorRole> roles, Instant now,
            int candidateLimit, int excludedLimit) {
        return rankEach(subject, roles, now, candidateLimit, excludedLimit, null);
    }

    /** As above, with a read sent in the ranking's round trip and handed its rows before the ranking is read. */
    public Map<MediatorRole, Ranking> rankEach(Subject subject, Collection<MediatorRole> roles, Instant now,
            int candidateLimit, int excludedLimit, Alongside alongside) {
        NamedSql sql = alongside == null ? RankingStatement.PLANNED_ONCE_RANK_ALL
                : withAlongside.computeIfAbsent(alongside.sql(), RankingStatement.PLANNED_ONCE_RANK_ALL::after);
        return run(sql, alongside, subject, List.copyOf(new LinkedHashSet<>(roles)), now, null,
                candidateLimit, excludedLimit);
    }

    /** How matching judges these mediators for the case, whatever their rank: each a candidate or an exclusion. */
    public Ranking judge(Subject subject, MediatorRole role, Collection<String> mediatorIds, Instant now) {
        if (mediatorIds.isEmpty()) {
            return new Ranking(List.of(), 0, List.of(), Map.of());
        }
        return run(RankingStatement.PLANNED_ONCE_RANK_ONLY, null, subject, List.of(role), now,
                mediatorIds.toArray(String[]::new), mediatorIds.size(), mediatorIds.size()).get(role);
    }

    /**
     * The first conflict-of-interest rule that keeps one mediator off a case, or null: for assignment by hand, where
     * staff may overrule load, availability and an earlier offer, but never a conflict.
     */
    public Excluded conflictOf(Subject subject, MediatorRole role, String mediatorId, Instant now) {
        return judge(subject, role, List.of(mediatorId), now).exclusion(mediatorId)
                .filter(e -> e.rule() != Rule.AT_CAPACITY && e.rule() != Rule.ALREADY_OFFERED
                        && e.rule() != Rule.UNAVAILABLE)
                .orElse(null);
    }

    /** Each factor's weight, as the README documents them and explanations repeat them. */
    public static Map<String, String> weights() {
        return SoftFactors.weights();
    }

    private Map<MediatorRole, Ranking> run(NamedSql sql, Alongside alongside, Subject subject, List<MediatorRole> roles,
            Instant now, String[] only, int candidateLimit, int excludedLimit) {
        Map<String, Object> values = RankingStatement.values(subject, roles, now, only, candidateLimit, excludedLimit,
                config.rotationWindow());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Map<MediatorRole, Ranking>> ranked = new ArrayList<>(1);
            try (PreparedStatement ps = sql.prepare(connection, values)) {
                List<NamedSql.ResultReader> readers = new ArrayList<>(2);
                if (alongside != null) {
                    readers.add(alongside::read);
                }
                readers.add(rs -> ranked.add(RankingRows.read(rs, roles)));
                NamedSql.readResults(ps, readers);
            }
            return ranked.getFirst();
        });
    }
}
