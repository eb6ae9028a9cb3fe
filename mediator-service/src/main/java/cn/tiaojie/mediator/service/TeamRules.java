package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles a case's team needs: the subcategory's required roles from the shared taxonomy, plus a police officer
 * when intake flagged a threat of violence (the hearing must be safe for the parties and the mediators).
 */
@ApplicationScoped
public class TeamRules {

    static final String VIOLENCE_THREAT = "VIOLENCE_THREAT";

    private final Taxonomy taxonomy;

    TeamRules(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<MediatorRole> requiredRoles(String subcategoryCode, Collection<String> riskFlags) {
        Taxonomy.Subcategory subcategory = subcategory(subcategoryCode);
        Set<MediatorRole> roles = new LinkedHashSet<>();
        subcategory.requiredRoles().forEach(code -> roles.add(MediatorRole.valueOf(code)));
        if (riskFlags.contains(VIOLENCE_THREAT)) {
            roles.add(MediatorRole.POLICE_OFFICER);
        }
        return List.copyOf(roles);
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
