package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.service.matching.SoftFactors;
import cn.tiaojie.mediator.model.EarlierInvolvementRule;
import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Where having mediated an earlier case with a party excludes a mediator (回避): nowhere by default, where it only
 * lowers the score (the repeat-party factor); an administrator sets it per category or subcategory with a look-back
 * window.
 */
@ApplicationScoped
public class EarlierInvolvementRules {

    /** One rule as the API shows it, with the version to send back in If-Match. */
    public record Rule(String code, int lookBackDays, String updatedBy, Instant updatedAt, long version) {

        static Rule of(EarlierInvolvementRule r) {
            return new Rule(r.code, r.lookBackDays, r.updatedBy, r.updatedAt, r.version);
        }
    }

    /** The rules and what applies where none is set. */
    public record Rules(String elsewhere, double repeatPartyPenalty, List<Rule> rules) {
    }

    static final String ELSEWHERE = "SCORED_DOWN";

    private final TeamRules teamRules;

    EarlierInvolvementRules(TeamRules teamRules) {
        this.teamRules = teamRules;
    }

    @Transactional
    public Rules all() {
        return new Rules(ELSEWHERE, SoftFactors.REPEAT_PARTY_PENALTY, EarlierInvolvementRule
                .<EarlierInvolvementRule>listAll(Sort.ascending("code")).stream().map(Rule::of).toList());
    }

    /** Sets the rule of a category or a subcategory; If-Match (when sent) must name its version. */
    @Transactional
    public Rule put(String code, int lookBackDays, String actor, Long expectedVersion) {
        if (!teamRules.isTaxonomyCode(code)) {
            throw ProblemException.badRequest("code", "not a category or subcategory code: " + code);
        }
        EarlierInvolvementRule rule = EarlierInvolvementRule.findById(code);
        Versions.requireMatch(expectedVersion, rule == null ? 0 : rule.version, "the earlier-involvement rule for " + code);
        if (rule == null) {
            rule = new EarlierInvolvementRule();
            rule.code = code;
        }
        rule.lookBackDays = lookBackDays;
        rule.updatedBy = actor;
        rule.updatedAt = Instant.now();
        if (!rule.isPersistent()) {
            rule.persist();
        }
        EarlierInvolvementRule.getEntityManager().flush();
        return Rule.of(rule);
    }

    /** Back to the default for the code: earlier involvement scores down, excludes no one. */
    @Transactional
    public void reset(String code) {
        if (!EarlierInvolvementRule.deleteById(code)) {
            throw ProblemException.notFound("earlier-involvement rule", code);
        }
    }
}
