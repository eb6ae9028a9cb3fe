package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.service.matching.Alongside;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.TeamRule;
import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Which roles a case's team needs and may add. For a subcategory: the admins' rule for the subcategory if there is
 * one, else their rule for its category, else the taxonomy's default. On top, each risk flag with a rule adds its
 * roles (a threat of violence adds a police officer: the hearing must be safe for parties and mediators). A team
 * request works from the rules this replica holds and confirms them in its ranking's round trip (see
 * {@link #heldRoles}); everything else reads the table.
 */
@ApplicationScoped
public class TeamRules {

    public static final String VIOLENCE_THREAT = "VIOLENCE_THREAT";
    /** the risk flags case-service raises on a case; only these can carry a rule */
    public static final Set<String> RISK_FLAGS = Set.of(VIOLENCE_THREAT, "GROUP_DISPUTE", "PETITION_RISK");

    public enum Source {
        TAXONOMY, CATEGORY, SUBCATEGORY, RISK_FLAG
    }

    public record Roles(List<MediatorRole> required, List<MediatorRole> optional) {
    }

    /** The rule in force for one code, where it comes from, and the version to send back in If-Match. */
    public record Effective(String code, TeamRule.Scope scope, Source source, List<MediatorRole> requiredRoles,
            List<MediatorRole> optionalRoles, Long version, String updatedBy, Instant updatedAt) {
    }

    /** every rule admins set, in the columns rules are worked out from; sent alongside a ranking as it is */
    static final String READ_ALL = "select code, scope, required_roles, optional_roles, updated_by, updated_at, version"
            + " from team_rule order by code";

    /** One row of READ_ALL; rows are compared whole to tell whether the rules changed. */
    private record Row(String code, TeamRule.Scope scope, String requiredRoles, String optionalRoles,
            String updatedBy, Instant updatedAt, long version) {

        /** A copy of the row, never persisted, that effective() reads like the entity. */
        TeamRule rule() {
            TeamRule rule = new TeamRule();
            rule.code = code;
            rule.scope = scope;
            rule.requiredRoles = requiredRoles;
            rule.optionalRoles = optionalRoles;
            rule.updatedBy = updatedBy;
            rule.updatedAt = updatedAt;
            rule.version = version;
            return rule;
        }
    }

    /** The rules as read at one moment: the rows as they came, and each rule by its code. */
    private record Read(List<Row> rows, Map<String, TeamRule> byCode) {
    }

    private final Taxonomy taxonomy;
    private final EntityManager em;
    /** the rules a team request starts from: as a ranking last read them, or read on first use */
    private volatile Read held;

    TeamRules(Taxonomy taxonomy, EntityManager em) {
        this.taxonomy = taxonomy;
        this.em = em;
    }

    public List<MediatorRole> requiredRoles(String subcategoryCode, Collection<String> riskFlags) {
        return roles(subcategoryCode, riskFlags).required();
    }

    /** The roles by the rules as they are in the database now. */
    public Roles roles(String subcategoryCode, Collection<String> riskFlags) {
        return roles(subcategoryCode, riskFlags, rulesByCode());
    }

    /**
     * The roles by the rules this replica holds (read on first use), which may be behind an admin's change: a team
     * request ranks by them and confirms them with a {@link Reading} sent in the ranking's round trip.
     */
    public Roles heldRoles(String subcategoryCode, Collection<String> riskFlags) {
        Read rules = held;
        if (rules == null) {
            rules = em.unwrap(Session.class).doReturningWork(connection -> {
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(READ_ALL)) {
                    return hold(rs);
                }
            });
        }
        return roles(subcategoryCode, riskFlags, rules.byCode());
    }

    /** A fresh read of every rule, to be sent alongside a ranking; what it read then replaces the rules held. */
    public Reading reading() {
        return new Reading();
    }

    /** The rules read in a ranking's round trip, and the roles they give. */
    public final class Reading implements Alongside {

        private Read read;

        @Override
        public String sql() {
            return READ_ALL;
        }

        @Override
        public void read(ResultSet rs) throws SQLException {
            read = hold(rs);
        }

        /** The roles by the rules as this reading found them. */
        public Roles roles(String subcategoryCode, Collection<String> riskFlags) {
            if (read == null) {
                throw new IllegalStateException("the rules were not read: the reading was never sent");
            }
            return TeamRules.this.roles(subcategoryCode, riskFlags, read.byCode());
        }
    }

    /** The rules of READ_ALL's rows, held from now on; the rules already held when nothing changed. */
    private Read hold(ResultSet rs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new Row(rs.getString(1), TeamRule.Scope.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getLong(7)));
        }
        Read known = held;
        if (known != null && known.rows().equals(rows)) {
            return known;
        }
        Read read = new Read(List.copyOf(rows),
                rows.stream().collect(Collectors.toUnmodifiableMap(Row::code, Row::rule)));
        held = read;
        return read;
    }

    private Roles roles(String subcategoryCode, Collection<String> riskFlags, Map<String, TeamRule> rules) {
        Taxonomy.Subcategory subcategory = subcategory(subcategoryCode);
        Effective rule = effective(subcategory, rules);
        Set<MediatorRole> required = new LinkedHashSet<>(rule.requiredRoles());
        for (String flag : riskFlags) {
            TeamRule riskRule = rules.get(flag);
            if (riskRule != null && riskRule.scope == TeamRule.Scope.RISK_FLAG) {
                required.addAll(riskRule.required());
            }
        }
        List<MediatorRole> optional = rule.optionalRoles().stream().filter(r -> !required.contains(r)).toList();
        return new Roles(List.copyOf(required), optional);
    }

    /** Every subcategory's rule in force, then every category and risk-flag rule admins set. */
    public List<Effective> all() {
        Map<String, TeamRule> saved = rulesByCode();
        List<Effective> rules = new ArrayList<>();
        taxonomy.subcategories().values().forEach(s -> rules.add(effective(s, saved)));
        saved.values().stream().filter(r -> r.scope != TeamRule.Scope.SUBCATEGORY)
                .sorted((a, b) -> a.code.compareTo(b.code))
                .forEach(r -> rules.add(of(r, r.scope == TeamRule.Scope.CATEGORY ? Source.CATEGORY : Source.RISK_FLAG)));
        return rules;
    }

    public Effective effective(String code) {
        Map<String, TeamRule> saved = rulesByCode();
        if (taxonomy.subcategory(code).isPresent()) {
            return effective(taxonomy.subcategory(code).get(), saved);
        }
        TeamRule rule = saved.get(code);
        if (rule == null) {
            throw ProblemException.notFound("team rule", code);
        }
        return of(rule, rule.scope == TeamRule.Scope.CATEGORY ? Source.CATEGORY : Source.RISK_FLAG);
    }

    /** Sets the rule of a category, a subcategory or a risk flag; If-Match (when sent) must name its version. */
    @Transactional
    public Effective put(String code, List<MediatorRole> required, List<MediatorRole> optional, String actor,
            Long expectedVersion) {
        TeamRule.Scope scope = scopeOf(code);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (required.isEmpty() && scope != TeamRule.Scope.RISK_FLAG) {
            errors.add(new Problem.FieldError("requiredRoles", "a team needs at least one required role"));
        }
        if (new HashSet<>(required).size() < required.size()) {
            errors.add(new Problem.FieldError("requiredRoles", "names a role twice"));
        }
        if (new HashSet<>(optional).size() < optional.size()) {
            errors.add(new Problem.FieldError("optionalRoles", "names a role twice"));
        }
        if (optional.stream().anyMatch(required::contains)) {
            errors.add(new Problem.FieldError("optionalRoles", "a role is either required or optional, not both"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "the team rule for " + code + " is not valid", errors);
        }
        TeamRule rule = TeamRule.findById(code);
        long current = rule == null ? 0 : rule.version;
        Versions.requireMatch(expectedVersion, current, "the team rule for " + code);
        if (rule == null) {
            rule = new TeamRule();
            rule.code = code;
            rule.scope = scope;
            rule.requiredRoles = TeamRule.join(required);
            rule.optionalRoles = TeamRule.join(optional);
            rule.updatedBy = actor;
            rule.updatedAt = Instant.now();
            rule.persist();
        } else {
            rule.requiredRoles = TeamRule.join(required);
            rule.optionalRoles = TeamRule.join(optional);
            rule.updatedBy = actor;
            rule.updatedAt = Instant.now();
        }
        TeamRule.getEntityManager().flush();
        return effective(code);
    }

    /** Drops an admin's rule: the subcategory falls back to its category's rule or the taxonomy. */
    @Transactional
    public void reset(String code) {
        if (TeamRule.deleteById(code) == false) {
            throw ProblemException.notFound("team rule", code);
        }
    }

    private TeamRule.Scope scopeOf(String code) {
        if (taxonomy.subcategory(code).isPresent()) {
            return TeamRule.Scope.SUBCATEGORY;
        }
        if (taxonomy.document().categories().stream().anyMatch(c -> c.code().equals(code))) {
            return TeamRule.Scope.CATEGORY;
        }
        if (RISK_FLAGS.contains(code)) {
            return TeamRule.Scope.RISK_FLAG;
        }
        throw ProblemException.badRequest("code", "not a category, a subcategory or a risk flag "
                + RISK_FLAGS.stream().sorted().toList() + ": " + code);
    }

    private Effective effective(Taxonomy.Subcategory s, Map<String, TeamRule> saved) {
        TeamRule own = saved.get(s.code());
        if (own != null) {
            return of(own, Source.SUBCATEGORY);
        }
        TeamRule category = saved.get(s.categoryCode());
        if (category != null) {
            return new Effective(s.code(), TeamRule.Scope.SUBCATEGORY, Source.CATEGORY, category.required(),
                    category.optional(), null, category.updatedBy, category.updatedAt);
        }
        return new Effective(s.code(), TeamRule.Scope.SUBCATEGORY, Source.TAXONOMY,
                s.requiredRoles().stream().map(MediatorRole::valueOf).toList(),
                s.optionalRoles().stream().map(MediatorRole::valueOf).toList(), null, null, null);
    }

    private static Effective of(TeamRule r, Source source) {
        return new Effective(r.code, r.scope, source, r.required(), r.optional(), r.version, r.updatedBy, r.updatedAt);
    }

    private static Map<String, TeamRule> rulesByCode() {
        return TeamRule.<TeamRule>listAll().stream().collect(Collectors.toMap(r -> r.code, Function.identity()));
    }

    public Taxonomy.Subcategory subcategory(String code) {
        return taxonomy.subcategory(code)
                .orElseThrow(() -> ProblemException.badRequest("subcategory", "unknown subcategory code " + code));
    }

    /** True for a category code (LABOUR) or a subcategory code (LABOUR.WAGE_ARREARS) of the taxonomy. */
    public boolean isTaxonomyCode(String code) {
        return taxonomy.subcategory(code).isPresent()
                || taxonomy.document().categories().stream().anyMatch(c -> c.code().equals(code));
    }
}
