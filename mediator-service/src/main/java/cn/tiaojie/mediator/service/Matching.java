package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.config.MatchingConfig;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Ranks the pool for one role of a case, or for each of several roles, in one SQL statement. The database selects
 * only mediators of the role within reach of the case (their area contains the handling area: at most four area
 * codes, read through an index), applies every hard rule (each exclusion with the rule that fired), scores the rest
 * with the soft factors and returns only the best candidates, the best-scored exclusions and the number of
 * exclusions per rule. Nothing reads the whole pool and nothing but the answer crosses the wire.
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
    /** served on an earlier case with a party of this one: a repeat party's cases spread over the pool */
    static final double REPEAT_PARTY_PENALTY = 15;

    /** what an offer needs: the chosen one, the runners-up it names, and a few more should they decline */
    public static final int OFFER_CANDIDATES = 10;
    /** exclusions listed one by one (best-scored first); beyond them only the counts per rule */
    public static final int LISTED_EXCLUSIONS = 50;
    /** the availability rule looks this far ahead at most: hearings are not planned further out */
    static final java.time.Duration LONGEST_WINDOW = AvailabilityCalendar.LONGEST_RANGE;

    /** The hard rules, in the order they are tried; every excluded mediator carries the first one that fired. */
    public enum Rule {
        NOT_ACTIVE, ALREADY_OFFERED, STRUCK_BY_PARTY, DECLARED_RELATION, FORMER_CLIENT, EARLIER_INVOLVEMENT,
        OWN_ORGANIZATION, UNAVAILABLE, AT_CAPACITY
    }

    /**
     * What matching needs of a case: a stored team, or a preview's case that is not stored. {@code availableBy} is
     * the end of the window a mediator must have some free time in (the case's deadline); null skips that rule.
     */
    public record Subject(UUID teamId, String subcategory, String areaCode, AreaLevel level, List<TeamParty> parties,
            Set<String> askedBefore, Set<String> struck, Instant availableBy) {

        public static Subject of(Team team, Set<String> struck) {
            return new Subject(team.id, team.subcategory, team.areaCode, team.level, team.parties,
                    team.offers.stream().filter(o -> o.status != OfferStatus.WITHDRAWN)
                            .map(o -> o.mediator.id).collect(Collectors.toSet()), struck, team.deadline);
        }
    }

    /** A mediator matching would offer the place to; {@code contact} is what the offer's notice needs. */
    public record Candidate(String mediatorId, String name, String areaCode, int capacity, double score,
            Map<String, Double> factors, long load, long recentOffers, Instant lastOfferedAt, Contact contact) {
    }

    public record Contact(String phone, String email, List<String> languages, List<String> channels) {
    }

    public record Excluded(String mediatorId, String name, Rule rule, String detail) {
    }

    /**
     * The best candidates in order (at most the limit asked) out of {@code candidateTotal}; the best-scored
     * exclusions (at most the limit asked) and how many mediators each rule excluded.
     */
    public record Ranking(List<Candidate> candidates, int candidateTotal, List<Excluded> excluded,
            Map<Rule, Integer> excludedByRule) {

        public boolean isEmpty() {
            return candidates.isEmpty();
        }

        public int excludedTotal() {
            return excludedByRule.values().stream().mapToInt(Integer::intValue).sum();
        }

        public java.util.Optional<Candidate> candidate(String mediatorId) {
            return candidates.stream().filter(c -> c.mediatorId().equals(mediatorId)).findFirst();
        }

        public java.util.Optional<Excluded> exclusion(String mediatorId) {
            return excluded.stream().filter(e -> e.mediatorId().equals(mediatorId)).findFirst();
        }
    }

    /*
     * One statement for one role or several (a new team's roles are ranked together, each on its own: a mediator has
     * one role, so the roles never compete). "reach" reads the roles' mediators within reach through
     * mediator_role_area and looks up each one's load, recent offers and last offer through the offer indexes;
     * "declared" and "earlier" are driven by the parties' keys; "judged" reads each mediator's time away and hours by
     * the mediator's key, names the first hard rule that fires and computes every soft factor; the answer is, per
     * role, the top candidates, the top exclusions and the count per rule.
     * The arithmetic is float8, rounded as Math.round does, so scores are the ones the README's weights give.
     */
    private static final String RANK = """
            with reach as materialized (
                -- materialized: each mediator's load and rotation are counted once, however often "judged" uses them
                select m.id, m.role, m.name, m.area_code, m.capacity, m.status, m.rating, m.expertise, m.languages,
                       m.organization_key, m.phone, m.email, m.channels,
                       -- an accepted place counts while its case is open: its team looked up by key, one by one
                       (select count(*) from offer o
                         where o.mediator_id = m.id and o.status in ('OFFERED', 'ACCEPTED')
                           and (o.status = 'OFFERED'
                                or (select t.deadline from team t where t.id = o.team_id) > :now)) as load,
                       (select count(*) from offer o where o.mediator_id = m.id and o.offered_at > :since) as recent,
                       (select max(o.offered_at) from offer o where o.mediator_id = m.id) as last_offered
                  from mediator m
                 where m.role = any (:roles) and m.area_code = any (:reach) /*only*/
            ), declared as materialized (
                -- relations declared to the parties, through the key indexes (few, whoever declared them);
                -- materialized like "earlier", so however the kept plan joins it to the mediators it is looked up
                -- once; the inner query is fenced so no index is read whole for the order distinct on wants
                select distinct on (c.mediator_id) c.mediator_id, c.kind, c.party
                  from (select c.mediator_id, c.kind, c.declared_at,
                               coalesce(c.party_name, c.id_number_masked, c.phone_masked) as party
                          from declared_conflict c
                         where c.name_key = any (:names) or c.id_number_hash = any (:ids)
                            or c.phone_hash = any (:phones)
                        offset 0) c
                 order by c.mediator_id, c.kind, c.declared_at
            ), involved as materialized (
                -- the parties' earlier cases first, through the key indexes: never every accepted offer of the role
                select p.team_id
                  from team_party p
                 where p.team_id <> :team
                   and (p.id_number_hash = any (:ids) or p.phone_hash = any (:phones)
                        or (p.organization and p.name_key = any (:organizations)))
            ), earlier as materialized (
                -- each earlier team's offers by the team's key (a few), the accepted ones kept; the fence keeps the
                -- status test outside, where no index partial on statuses can be picked to read offers by it
                -- the latest earlier case per mediator and role, which an administrator's look-back window is held to
                select distinct on (o.mediator_id, o.role) o.mediator_id, o.role, o.case_no, o.created_at
                  from involved i
                 cross join lateral (select o.mediator_id, o.role, o.status,
                                            (select t.case_no from team t where t.id = o.team_id) as case_no,
                                            (select t.created_at from team t where t.id = o.team_id) as created_at
                                       from offer o
                                      where o.team_id = i.team_id and o.role = any (:roles)
                                     offset 0) o
                 where o.status = 'ACCEPTED'
                 order by o.mediator_id, o.role, o.created_at desc, o.case_no
            ), judged as (
                select r.id, r.role, r.name, r.area_code, r.capacity, r.status, r.load, r.recent, r.last_offered,
                       r.phone, r.email, r.languages, r.channels, d.kind as declared_kind, d.party as declared_party,
                       e.case_no as earlier_case,
                       case
                           when r.status <> 'ACTIVE' then 'NOT_ACTIVE'
                           when r.id = any (:asked) then 'ALREADY_OFFERED'
                           when r.id = any (:struck) then 'STRUCK_BY_PARTY'
                           when d.kind = 'FORMER_CLIENT' and r.role_is_lawyer then 'FORMER_CLIENT'
                           when d.kind is not null then 'DECLARED_RELATION'
                           -- earlier involvement excludes only where an administrator says so for the (sub)category,
                           -- within the look-back window set; elsewhere it is the soft repeat-party factor
                           when e.case_no is not null and e.created_at > :now::timestamptz - interval '1 day' * (
                                   select x.look_back_days from earlier_involvement_rule x
                                    where x.code in (:subcategory, :category)
                                    order by length(x.code) desc limit 1) then 'EARLIER_INVOLVEMENT'
                           when r.organization_key = any (:names) then 'OWN_ORGANIZATION'
                           when r.unavailable then 'UNAVAILABLE'
                           when r.load >= r.capacity then 'AT_CAPACITY'
                       end as rule,
                       case when :subcategory = any (string_to_array(r.expertise, ',')) then :subcategory_points
                            when :category = any (string_to_array(r.expertise, ',')) then :category_points
                            else 0 end::float8 as expertise_factor,
                       greatest(0, length(r.area_code) / 3 - 2) * :level_points::float8 as proximity_factor,
                       floor(-:load_points::float8 * r.load / r.capacity * 100 + 0.5) / 100 as load_factor,
                       -- most parties speak only Chinese: then no mediator's languages need reading
                       case when cardinality(:languages::varchar[]) = 0 then 0
                            when exists (select 1 from unnest(string_to_array(r.languages, ',')) l
                                          where lower(trim(split_part(l, '-', 1))) = any (:languages))
                            then :language_points else 0 end::float8 as language_factor,
                       coalesce(r.rating::float8, :unrated::float8) * :rating_points::float8 as rating_factor,
                       0 - least(:most_rotation::float8, :rotation_points::float8 * r.recent) as rotation_factor,
                       case when e.case_no is null then 0 else 0 - :repeat_party_points::float8 end as repeat_party_factor
                  from (select reach.*, reach.role = 'LAWYER' as role_is_lawyer,
                               case
                                   when :window_end::timestamptz is null or :window_end::timestamptz <= :now then false
                                   when a.periods @> tstzrange(:now, :window_end::timestamptz) then true
                                   -- no time away in a week or more: free whatever the pattern (a week holds each of
                                   -- its hours once), so most mediators need no look at their hours
                                   when a.periods is null and :window_end::timestamptz - :now >= interval '7 days'
                                       then false
                                   -- without a weekly pattern only time away counts (asked by key, per mediator)
                                   when (select true from weekly_hours h where h.mediator_id = reach.id limit 1) is null
                                       then false
                                   else not exists (
                                       select 1
                                         from generate_series((:now at time zone 'Asia/Shanghai')::date::timestamp,
                                                  (:window_end::timestamptz at time zone 'Asia/Shanghai')::date::timestamp,
                                                  interval '1 day') as day
                                         join weekly_hours h on h.mediator_id = reach.id
                                                            and h.day_of_week = extract(isodow from day)
                                        cross join lateral (
                                            select tstzrange((day::date + h.starts) at time zone 'Asia/Shanghai',
                                                             (day::date + h.ends) at time zone 'Asia/Shanghai')
                                                   * tstzrange(:now, :window_end::timestamptz) as hours) s
                                        where not isempty(s.hours) and (a.periods is null or not a.periods @> s.hours))
                               end as unavailable
                          from reach
                         cross join lateral (
                             -- time away overlapping the window, the mediator's own periods read by key
                             select range_agg(tstzrange(u.starts_at, u.ends_at)) as periods
                               from unavailability u
                              where :window_end::timestamptz is not null and u.mediator_id = reach.id
                                and u.ends_at > :now and u.starts_at < :window_end::timestamptz) a) r
                  left join declared d on d.mediator_id = r.id
                  left join earlier e on e.mediator_id = r.id and e.role = r.role
            ), scored as (
                select j.*, floor((expertise_factor + proximity_factor + load_factor + language_factor + rating_factor
                                   + rotation_factor + repeat_party_factor) * 100 + 0.5) / 100 as score
                  from judged j
            )
            select s.*, c.counts
              from ((select * from (select scored.*, row_number() over (partition by role
                                           order by score desc, last_offered asc nulls first, id collate "C") as place
                                      from scored where rule is null) best
                      where place <= :candidate_limit)
                    union all
                    (select * from (select scored.*, row_number() over (partition by role
                                           order by score desc, id collate "C") as place
                                      from scored where rule is not null) worst
                      where place <= :excluded_limit)) s
              join (select role, string_agg(coalesce(rule, '') || '=' || n, ',') as counts
                      from (select role, rule, count(*) as n from scored group by role, rule) g
                     group by role) c on c.role = s.role""";

    /*
     * Planning the ranking costs twice what running it does, so each connection plans it once (the driver prepares a
     * statement it has run five times) and keeps that plan whatever the parameters. A plan kept that long must not
     * depend on how big the tables were when it was made: with sequential scans ruled out, every table is read
     * through the index on the mediator, team or party key it is looked up by, however empty it was at the time.
     * The settings go out with the ranking, in its round trip, and last until the transaction ends (undoing them would
     * cost another): whatever follows a ranking there reads and writes rows by key.
     */
    static final String PLAN_ONCE = "set local plan_cache_mode = force_generic_plan; set local enable_seqscan = off";

    static final NamedSql RANK_ALL = NamedSql.of(RANK.replace("/*only*/", ""));
    static final NamedSql RANK_ONLY = NamedSql.of(RANK.replace("/*only*/", "and m.id = any (:only)"));
    private static final NamedSql PLANNED_ONCE_RANK_ALL = RANK_ALL.after(PLAN_ONCE);
    private static final NamedSql PLANNED_ONCE_RANK_ONLY = RANK_ONLY.after(PLAN_ONCE);

    private final EntityManager em;
    private final MatchingConfig config;
    /** the ranking with each read sent alongside it: one text per read, which the driver prepares once */
    private final Map<String, NamedSql> withAlongside = new java.util.concurrent.ConcurrentHashMap<>();

    Matching(EntityManager em, MatchingConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The best {@code candidateLimit} candidates and best-scored {@code excludedLimit} exclusions, with counts. */
    public Ranking rank(Subject subject, MediatorRole role, Instant now, int candidateLimit, int excludedLimit) {
        return run(PLANNED_ONCE_RANK_ALL, null, subject, List.of(role), now, null, candidateLimit, excludedLimit)
                .get(role);
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
        NamedSql sql = alongside == null ? PLANNED_ONCE_RANK_ALL
                : withAlongside.computeIfAbsent(alongside.sql(), PLANNED_ONCE_RANK_ALL::after);
        return run(sql, alongside, subject, List.copyOf(new java.util.LinkedHashSet<>(roles)), now, null,
                candidateLimit, excludedLimit);
    }

    /** A read without parameters that goes out with a ranking, ahead of it, so it costs no round trip of its own. */
    public interface Alongside {

        String sql();

        void read(ResultSet rs) throws SQLException;
    }

    /** How matching judges these mediators for the case, whatever their rank: each a candidate or an exclusion. */
    public Ranking judge(Subject subject, MediatorRole role, Collection<String> mediatorIds, Instant now) {
        if (mediatorIds.isEmpty()) {
            return new Ranking(List.of(), 0, List.of(), Map.of());
        }
        return run(PLANNED_ONCE_RANK_ONLY, null, subject, List.of(role), now, mediatorIds.toArray(String[]::new),
                mediatorIds.size(), mediatorIds.size()).get(role);
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

    private Map<MediatorRole, Ranking> run(NamedSql sql, Alongside alongside, Subject subject, List<MediatorRole> roles,
            Instant now, String[] only, int candidateLimit, int excludedLimit) {
        String handlingArea = AreaCodes.ancestorAt(subject.areaCode(), subject.level());
        List<String> reach = new ArrayList<>();
        for (int length = 6; length <= handlingArea.length(); length += 3) {
            reach.add(handlingArea.substring(0, length));
        }
        String category = subject.subcategory().substring(0, subject.subcategory().indexOf('.'));
        Instant windowEnd = subject.availableBy() == null ? null
                : min(subject.availableBy(), now.plus(LONGEST_WINDOW));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("now", now);
        values.put("since", now.minus(config.rotationWindow()));
        values.put("roles", roles.stream().map(Enum::name).toArray(String[]::new));
        values.put("reach", reach.toArray(String[]::new));
        values.put("only", only);
        values.put("names", keys(subject.parties(), p -> p.nameKey));
        values.put("organizations", subject.parties().stream().filter(p -> p.organization).map(p -> p.nameKey)
                .filter(Objects::nonNull).distinct().toArray(String[]::new));
        values.put("ids", keys(subject.parties(), p -> p.idNumberHash));
        values.put("phones", keys(subject.parties(), p -> p.phoneHash));
        values.put("team", subject.teamId() == null ? new UUID(0, 0) : subject.teamId());
        values.put("asked", subject.askedBefore().toArray(String[]::new));
        values.put("struck", subject.struck().toArray(String[]::new));
        values.put("window_end", windowEnd);
        values.put("subcategory", subject.subcategory());
        values.put("category", category);
        values.put("languages", subject.parties().stream().map(p -> p.language).filter(Objects::nonNull)
                .map(Matching::primaryLanguage).filter(l -> !l.equals("zh")).distinct().toArray(String[]::new));
        values.put("subcategory_points", SUBCATEGORY_EXPERTISE);
        values.put("category_points", CATEGORY_EXPERTISE);
        values.put("level_points", PER_LEVEL_CLOSER);
        values.put("load_points", FULL_LOAD_PENALTY);
        values.put("language_points", SHARED_LANGUAGE);
        values.put("unrated", UNRATED);
        values.put("rating_points", PER_RATING_POINT);
        values.put("most_rotation", MOST_ROTATION_PENALTY);
        values.put("rotation_points", PER_RECENT_OFFER);
        values.put("repeat_party_points", REPEAT_PARTY_PENALTY);
        values.put("candidate_limit", candidateLimit);
        values.put("excluded_limit", excludedLimit);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Map<MediatorRole, Ranking>> ranked = new ArrayList<>(1);
            try (PreparedStatement ps = sql.prepare(connection, values)) {
                List<NamedSql.ResultReader> readers = new ArrayList<>(2);
                if (alongside != null) {
                    readers.add(alongside::read);
                }
                readers.add(rs -> ranked.add(read(rs, roles)));
                NamedSql.readResults(ps, readers);
            }
            return ranked.getFirst();
        });
    }

    /** The statement's rows, role by role; a role with nobody within reach gets an empty ranking. */
    private static Map<MediatorRole, Ranking> read(ResultSet rs, List<MediatorRole> roles) throws SQLException {
        Map<MediatorRole, RankingRows> rows = new EnumMap<>(MediatorRole.class);
        roles.forEach(role -> rows.put(role, new RankingRows()));
        while (rs.next()) {
            RankingRows of = rows.get(MediatorRole.valueOf(rs.getString("role")));
            of.counts = rs.getString("counts");
            String id = rs.getString("id");
            String name = rs.getString("name");
            String rule = rs.getString("rule");
            long load = rs.getLong("load");
            int capacity = rs.getInt("capacity");
            if (rule == null) {
                Map<String, Double> factors = new LinkedHashMap<>();
                factors.put("expertise", rs.getDouble("expertise_factor"));
                factors.put("proximity", rs.getDouble("proximity_factor"));
                factors.put("load", rs.getDouble("load_factor"));
                factors.put("language", rs.getDouble("language_factor"));
                factors.put("rating", rs.getDouble("rating_factor"));
                factors.put("rotation", rs.getDouble("rotation_factor"));
                factors.put("repeatParty", rs.getDouble("repeat_party_factor"));
                Timestamp last = rs.getTimestamp("last_offered");
                Contact contact = new Contact(rs.getString("phone"), rs.getString("email"),
                        split(rs.getString("languages")), split(rs.getString("channels")));
                of.candidates.add(new Candidate(id, name, rs.getString("area_code"), capacity, rs.getDouble("score"),
                        factors, load, rs.getLong("recent"), last == null ? null : last.toInstant(), contact));
            } else {
                Rule fired = Rule.valueOf(rule);
                of.excluded.add(new Excluded(id, name, fired, detail(fired, rs, load, capacity)));
            }
        }
        Map<MediatorRole, Ranking> rankings = new EnumMap<>(MediatorRole.class);
        rows.forEach((role, of) -> rankings.put(role, of.ranking()));
        return rankings;
    }

    /** One role's rows as they are read. */
    private static final class RankingRows {
        final List<Candidate> candidates = new ArrayList<>();
        final List<Excluded> excluded = new ArrayList<>();
        String counts;

        Ranking ranking() {
            // union all keeps no order of its own: sort as the statement ranked them
            candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                    .thenComparing(Candidate::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Candidate::mediatorId));
            Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
            int candidateTotal = 0;
            if (counts != null) {
                for (String entry : counts.split(",")) {
                    int equals = entry.lastIndexOf('=');
                    int n = Integer.parseInt(entry.substring(equals + 1));
                    if (equals == 0) {
                        candidateTotal = n;
                    } else {
                        byRule.put(Rule.valueOf(entry.substring(0, equals)), n);
                    }
                }
            }
            return new Ranking(List.copyOf(candidates), candidateTotal, List.copyOf(excluded), byRule);
        }
    }

    private static String detail(Rule rule, ResultSet rs, long load, int capacity) throws SQLException {
        return switch (rule) {
            case NOT_ACTIVE -> "status " + rs.getString("status");
            case ALREADY_OFFERED -> "already offered this case";
            case STRUCK_BY_PARTY -> "struck from the choice list by a party";
            case FORMER_CLIENT -> "represented " + rs.getString("declared_party") + ", a party of this case, before";
            case DECLARED_RELATION -> "FORMER_CLIENT".equals(rs.getString("declared_kind"))
                    ? "represented " + rs.getString("declared_party") + ", a party of this case, before"
                    : "declared a relation to " + rs.getString("declared_party") + ", a party of this case";
            case EARLIER_INVOLVEMENT -> "served on case " + rs.getString("earlier_case") + " with a party of this case";
            case OWN_ORGANIZATION -> "works for a party of this case";
            case UNAVAILABLE -> "no free time before the case's deadline (weekly hours less time away)";
            case AT_CAPACITY -> "at capacity (" + load + " of " + capacity + " open cases)";
        };
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
        weights.put("repeatParty", "-" + REPEAT_PARTY_PENALTY + " for having served on an earlier case with a party of"
                + " this case (a hard exclusion instead where an earlier-involvement rule covers the category)");
        return weights;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String[] keys(List<TeamParty> parties, java.util.function.Function<TeamParty, String> key) {
        return parties.stream().map(key).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
    }

    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
    }

    /** A statement with :named parameters (a name may appear many times), bound by name in one place. */
    record NamedSql(String sql, List<String> names) {

        private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z_]+)");

        static NamedSql of(String text) {
            List<String> names = new ArrayList<>();
            Matcher m = NAME.matcher(text);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new NamedSql(sql.toString(), List.copyOf(names));
        }

        /**
         * This statement after others that take no parameters (settings, a read), sent as one: the driver sends every
         * part before it waits for an answer, and PostgreSQL runs them in order, so settings apply before this
         * statement is planned.
         */
        NamedSql after(String statements) {
            return new NamedSql(statements + ";\n" + sql, names);
        }

        @FunctionalInterface
        interface ResultReader {
            void read(ResultSet rs) throws SQLException;
        }

        /** Runs a statement sent with others and hands its result sets, in order, one to each reader. */
        static void readResults(PreparedStatement ps, List<ResultReader> readers) throws SQLException {
            boolean isResultSet = ps.execute();
            int handed = 0;
            while (isResultSet || ps.getUpdateCount() != -1) {
                if (isResultSet) {
                    if (handed == readers.size()) {
                        throw new SQLException("more result sets than the " + readers.size() + " expected");
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        readers.get(handed++).read(rs);
                    }
                }
                isResultSet = ps.getMoreResults();
            }
            if (handed < readers.size()) {
                throw new SQLException(handed + " result sets where " + readers.size() + " were expected");
            }
        }

        PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    if (!values.containsKey(name)) {
                        throw new IllegalArgumentException("no value for :" + name);
                    }
                    bind(connection, ps, i + 1, values.get(name));
                }
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }

        private static void bind(Connection connection, PreparedStatement ps, int index, Object value)
                throws SQLException {
            switch (value) {
                case null -> ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                case String[] array -> ps.setArray(index, connection.createArrayOf("varchar", array));
                case Instant instant -> ps.setObject(index, instant.atOffset(java.time.ZoneOffset.UTC));
                case Double number -> ps.setDouble(index, number);
                default -> ps.setObject(index, value);
            }
        }
    }
}
