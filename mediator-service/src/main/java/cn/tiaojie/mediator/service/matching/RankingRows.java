package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.mediator.model.MediatorRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the ranking statement's rows into a ranking per role: candidates with their factors, exclusions with why. */
final class RankingRows {

    private RankingRows() {
    }

    /** The statement's rows, role by role; a role with nobody within reach gets an empty ranking. */
    static Map<MediatorRole, Ranking> read(ResultSet rs, List<MediatorRole> roles) throws SQLException {
        Map<MediatorRole, RoleRows> rows = new EnumMap<>(MediatorRole.class);
        roles.forEach(role -> rows.put(role, new RoleRows()));
        while (rs.next()) {
            RoleRows of = rows.get(MediatorRole.valueOf(rs.getString("role")));
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
    private static final class RoleRows {
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

    /** What made a rule fire, in words staff read. */
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

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
    }
}
