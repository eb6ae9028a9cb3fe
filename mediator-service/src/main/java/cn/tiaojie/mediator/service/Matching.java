package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.MatchingConfig;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.MediatorStatus;
import cn.tiaojie.mediator.Team;
import cn.tiaojie.mediator.TeamParty;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Ranks the pool for one role of a case. The database selects only mediators of the role within reach of the case
 * (their area contains the handling area: at most four area codes, read through an index) and works out each one's
 * load and recent offers; conflicts of interest are looked up by the parties' keys. Hard rules then exclude a
 * mediator, each with the rule that fired; soft factors score the rest. Nothing reads the whole pool.
 */
@ApplicationScoped
public class Matching {

    // soft factors: documented in the README; an explanation carries each factor's contribution
    static final double SUBCATEGORY_EXPERTISE = 30;
    static final double CATEGORY_EXPERTISE = 20;
    static final double PER_LEVEL_CLOSER = 8;
    static final double FULL_LOAD_PENALTY = 10;
    static final double SHARED_LANGUAGE = 15;
    static final double PER_RATING_POINT = 2;
    /** an unrated newcomer scores as a middling mediator, neither favoured nor buried */
    static final double UNRATED = 3.0;
    static final double PER_RECENT_OFFER = 2;
    static final double MOST_ROTATION_PENALTY = 10;

    /** The hard rules; every excluded mediator carries the first one that fired. */
    public enum Rule {
        NOT_ACTIVE, ALREADY_OFFERED, STRUCK_BY_PARTY, DECLARED_RELATION, FORMER_CLIENT, OWN_ORGANIZATION,
        EARLIER_INVOLVEMENT, AT_CAPACITY
    }

    /** What matching needs of a case: a stored team, or a preview's case that is not stored. */
    public record Subject(UUID teamId, String subcategory, String areaCode, AreaLevel level, List<TeamParty> parties,
            Set<String> askedBefore, Set<String> struck) {

        public static Subject of(Team team, Set<String> struck) {
            return new Subject(team.id, team.subcategory, team.areaCode, team.level, team.parties,
                    team.offers.stream().filter(o -> o.status != cn.tiaojie.mediator.OfferStatus.WITHDRAWN)
                            .map(o -> o.mediator.id).collect(Collectors.toSet()), struck);
        }
    }

    public record Candidate(String mediatorId, String name, String areaCode, int capacity, double score,
            Map<String, Double> factors, long load, long recentOffers, Instant lastOfferedAt) {
    }

    public record Excluded(String mediatorId, String name, Rule rule, String detail) {
    }

    public record Ranking(List<Candidate> candidates, List<Excluded> excluded) {

        public boolean isEmpty() {
            return candidates.isEmpty();
        }
    }

    private record Row(String id, String name, String areaCode, int capacity, MediatorStatus status, Double rating,
            String expertise, String languages, String organizationKey, long load, long recent, Instant lastOffered) {
    }

    private static final String IN_REACH = """
            select m.id, m.name, m.area_code, m.capacity, m.status, m.rating, m.expertise, m.languages, m.organization_key,
                   (select count(*) from offer o join team t on t.id = o.team_id
                     where o.mediator_id = m.id and o.status in ('OFFERED', 'ACCEPTED')
                       and (o.status = 'OFFERED' or t.deadline > ?)) as load,
                   (select count(*) from offer o where o.mediator_id = m.id and o.offered_at > ?) as recent,
                   (select max(o.offered_at) from offer o where o.mediator_id = m.id) as last_offered
              from mediator m
             where m.role = ? and m.area_code = any (?)""";

    private static final String DECLARED = """
            select c.mediator_id, c.kind, coalesce(c.party_name, c.id_number_masked, c.phone_masked)
              from declared_conflict c join mediator m on m.id = c.mediator_id
             where m.role = ? and (c.name_key = any (?) or c.id_number_hash = any (?) or c.phone_hash = any (?))""";

    private static final String EARLIER = """
            select distinct o.mediator_id, t.case_no
              from team_party p join offer o on o.team_id = p.team_id and o.status = 'ACCEPTED' and o.role = ?
              join team t on t.id = p.team_id
             where p.team_id <> ? and (p.id_number_hash = any (?) or p.phone_hash = any (?)
                   or (p.organization and p.name_key = any (?)))""";

    private final EntityManager em;
    private final MatchingConfig config;

    Matching(EntityManager em, MatchingConfig config) {
        this.em = em;
        this.config = config;
    }

    public Ranking rank(Team team, MediatorRole role, Instant now) {
        return rank(Subject.of(team, Set.of()), role, now);
    }

    public Ranking rank(Subject subject, MediatorRole role, Instant now) {
        String handlingArea = AreaCodes.ancestorAt(subject.areaCode(), subject.level());
        List<String> reach = new ArrayList<>();
        for (int length = 6; length <= handlingArea.length(); length += 3) {
            reach.add(handlingArea.substring(0, length));
        }
        String[] nameKeys = keys(subject.parties(), p -> p.nameKey);
        String[] organizationKeys = subject.parties().stream().filter(p -> p.organization).map(p -> p.nameKey)
                .filter(Objects::nonNull).toArray(String[]::new);
        String[] idHashes = keys(subject.parties(), p -> p.idNumberHash);
        String[] phoneHashes = keys(subject.parties(), p -> p.phoneHash);
        Set<String> partyLanguages = subject.parties().stream().map(p -> p.language).filter(Objects::nonNull)
                .map(Matching::primaryLanguage).filter(l -> !l.equals("zh")).collect(Collectors.toSet());

        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Row> rows = inReach(connection, role, reach, now);
            Map<String, Excluded> conflicts = new HashMap<>();
            if (!rows.isEmpty()) {
                declared(connection, role, nameKeys, idHashes, phoneHashes, conflicts);
                if (idHashes.length + phoneHashes.length + organizationKeys.length > 0) {
                    earlier(connection, role, subject.teamId(), idHashes, phoneHashes, organizationKeys, conflicts);
                }
            }
            List<Candidate> candidates = new ArrayList<>();
            List<Excluded> excluded = new ArrayList<>();
            Set<String> partyNameKeys = Set.of(nameKeys);
            for (Row row : rows) {
                Excluded exclusion = exclusion(row, subject, partyNameKeys, conflicts);
                if (exclusion != null) {
                    excluded.add(exclusion);
                } else {
                    Map<String, Double> factors = factors(row, subject, partyLanguages);
                    double score = factors.values().stream().mapToDouble(Double::doubleValue).sum();
                    candidates.add(new Candidate(row.id(), row.name(), row.areaCode(), row.capacity(),
                            Math.round(score * 100) / 100.0, factors, row.load(), row.recent(), row.lastOffered()));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                    .thenComparing(Candidate::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Candidate::mediatorId));
            excluded.sort(Comparator.comparing(Excluded::mediatorId));
            return new Ranking(List.copyOf(candidates), List.copyOf(excluded));
        });
    }

    /** The first conflict-of-interest rule that keeps one mediator off a case, or null: for assignment by hand. */
    public Excluded conflictOf(Subject subject, MediatorRole role, String mediatorId, Instant now) {
        Ranking ranking = rank(subject, role, now);
        return ranking.excluded().stream().filter(e -> e.mediatorId().equals(mediatorId))
                .filter(e -> e.rule() != Rule.AT_CAPACITY && e.rule() != Rule.ALREADY_OFFERED)
                .findFirst().orElse(null);
    }

    private List<Row> inReach(Connection connection, MediatorRole role, List<String> reach, Instant now)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(IN_REACH)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.minus(config.rotationWindow())));
            ps.setString(3, role.name());
            ps.setArray(4, connection.createArrayOf("varchar", reach.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(12);
                    java.math.BigDecimal rating = rs.getBigDecimal(6);
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            MediatorStatus.valueOf(rs.getString(5)), rating == null ? null : rating.doubleValue(),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getLong(11),
                            last == null ? null : last.toInstant()));
                }
            }
        }
        return rows;
    }

    private static void declared(Connection connection, MediatorRole role, String[] names, String[] ids,
            String[] phones, Map<String, Excluded> conflicts) throws SQLException {
        if (names.length + ids.length + phones.length == 0) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(DECLARED)) {
            ps.setString(1, role.name());
            ps.setArray(2, connection.createArrayOf("varchar", names));
            ps.setArray(3, connection.createArrayOf("varchar", ids));
            ps.setArray(4, connection.createArrayOf("varchar", phones));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean formerClient = "FORMER_CLIENT".equals(rs.getString(2));
                    Rule rule = formerClient && role == MediatorRole.LAWYER ? Rule.FORMER_CLIENT : Rule.DECLARED_RELATION;
                    String detail = formerClient
                            ? "represented " + rs.getString(3) + ", a party of this case, before"
                            : "declared a relation to " + rs.getString(3) + ", a party of this case";
                    conflicts.putIfAbsent(rs.getString(1), new Excluded(rs.getString(1), null, rule, detail));
                }
            }
        }
    }

    private static void earlier(Connection connection, MediatorRole role, UUID teamId, String[] ids, String[] phones,
            String[] organizations, Map<String, Excluded> conflicts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(EARLIER)) {
            ps.setString(1, role.name());
            ps.setObject(2, teamId == null ? new UUID(0, 0) : teamId);
            ps.setArray(3, connection.createArrayOf("varchar", ids));
            ps.setArray(4, connection.createArrayOf("varchar", phones));
            ps.setArray(5, connection.createArrayOf("varchar", organizations));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    conflicts.putIfAbsent(rs.getString(1), new Excluded(rs.getString(1), null, Rule.EARLIER_INVOLVEMENT,
                            "served on case " + rs.getString(2) + " with a party of this case"));
                }
            }
        }
    }

    private static Excluded exclusion(Row row, Subject subject, Set<String> partyNameKeys,
            Map<String, Excluded> conflicts) {
        if (row.status() != MediatorStatus.ACTIVE) {
            return new Excluded(row.id(), row.name(), Rule.NOT_ACTIVE, "status " + row.status());
        }
        if (subject.askedBefore().contains(row.id())) {
            return new Excluded(row.id(), row.name(), Rule.ALREADY_OFFERED, "already offered this case");
        }
        if (subject.struck().contains(row.id())) {
            return new Excluded(row.id(), row.name(), Rule.STRUCK_BY_PARTY, "struck from the choice list by a party");
        }
        Excluded conflict = conflicts.get(row.id());
        if (conflict != null) {
            return new Excluded(row.id(), row.name(), conflict.rule(), conflict.detail());
        }
        if (row.organizationKey() != null && partyNameKeys.contains(row.organizationKey())) {
            return new Excluded(row.id(), row.name(), Rule.OWN_ORGANIZATION,
                    "works for a party of this case");
        }
        if (row.load() >= row.capacity()) {
            return new Excluded(row.id(), row.name(), Rule.AT_CAPACITY,
                    "at capacity (" + row.load() + " of " + row.capacity() + " open cases)");
        }
        return null;
    }

    private static Map<String, Double> factors(Row row, Subject subject, Set<String> partyLanguages) {
        Map<String, Double> factors = new LinkedHashMap<>();
        List<String> expertise = split(row.expertise());
        String category = subject.subcategory().substring(0, subject.subcategory().indexOf('.'));
        factors.put("expertise", expertise.contains(subject.subcategory()) ? SUBCATEGORY_EXPERTISE
                : expertise.contains(category) ? CATEGORY_EXPERTISE : 0);
        // a township mediator is closer to a village case than a county one; the county itself counts zero
        factors.put("proximity", Math.max(0, AreaCodes.sharedLevels(row.areaCode(), subject.areaCode()) - 1) * PER_LEVEL_CLOSER);
        factors.put("load", round(-FULL_LOAD_PENALTY * row.load() / row.capacity()));
        boolean speaks = split(row.languages()).stream().map(Matching::primaryLanguage).anyMatch(partyLanguages::contains);
        factors.put("language", speaks ? SHARED_LANGUAGE : 0);
        factors.put("rating", (row.rating() == null ? UNRATED : row.rating()) * PER_RATING_POINT);
        factors.put("rotation", -Math.min(MOST_ROTATION_PENALTY, PER_RECENT_OFFER * row.recent()));
        return factors;
    }

    /** Each factor's weight, as the README documents them and explanations repeat them. */
    public static Map<String, String> weights() {
        Map<String, String> weights = new LinkedHashMap<>();
        weights.put("expertise", "+" + SUBCATEGORY_EXPERTISE + " the subcategory, +" + CATEGORY_EXPERTISE + " its category");
        weights.put("proximity", "+" + PER_LEVEL_CLOSER + " per level below the county shared with the case's area");
        weights.put("load", "-" + FULL_LOAD_PENALTY + " x open cases / capacity");
        weights.put("language", "+" + SHARED_LANGUAGE + " for a party's language or dialect other than Chinese");
        weights.put("rating", "+" + PER_RATING_POINT + " per rating point (unrated counts " + UNRATED + ")");
        weights.put("rotation", "-" + PER_RECENT_OFFER + " per offer in the rotation window, at most -" + MOST_ROTATION_PENALTY);
        return weights;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String[] keys(List<TeamParty> parties, java.util.function.Function<TeamParty, String> key) {
        return parties.stream().map(key).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }

    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
    }
}
