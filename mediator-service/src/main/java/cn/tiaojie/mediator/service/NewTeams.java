package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamParty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import cn.tiaojie.platform.persistence.NamedSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Writes a new team with its parties and first offers in one statement: one round trip where the entities would
 * take three batches at commit. The row for the case is taken only if no team holds it yet, so a repeated or
 * concurrent request for the same case writes nothing and finds the team that did.
 */
@ApplicationScoped
class NewTeams {

    private static final NamedSql INSERT = NamedSql.of("""
            with new_team as (
                insert into team (id, case_id, case_no, subcategory, area_code, level, center_code, risk_flags,
                                  deadline, status, created_at, updated_at, required_roles, optional_roles, version)
                values (:id::uuid, :case_id::uuid, :case_no, :subcategory, :area_code, :level, :center_code,
                        :risk_flags, :deadline, :status, :created_at, :updated_at, :required_roles, :optional_roles, 0)
                on conflict (case_id) do nothing
                returning id
            ), parties as (
                insert into team_party (team_id, position, party_id, party_role, name, language, organization,
                                        name_key, id_number_hash, phone_hash)
                select t.id, p.position - 1, p.party_id, p.party_role, p.name, p.language, p.organization::boolean,
                       p.name_key, p.id_number_hash, p.phone_hash
                  from new_team t,
                       unnest(:party_ids, :party_roles, :party_names, :party_languages, :party_organizations,
                              :party_name_keys, :party_id_number_hashes, :party_phone_hashes)
                       with ordinality as p (party_id, party_role, name, language, organization, name_key,
                                             id_number_hash, phone_hash, position)
                returning 1
            ), offers as (
                insert into offer (id, team_id, role, mediator_id, status, score, explanation, offered_by, offered_at,
                                   expires_at, version)
                select o.id::uuid, t.id, o.role, o.mediator_id, o.status, o.score::numeric, o.explanation,
                       o.offered_by, o.offered_at::timestamptz, o.expires_at::timestamptz, 0
                  from new_team t,
                       unnest(:offer_ids, :offer_roles, :offer_mediators, :offer_statuses, :offer_scores,
                              :offer_explanations, :offered_by, :offered_at, :offer_expiries)
                       as o (id, role, mediator_id, status, score, explanation, offered_by, offered_at, expires_at)
                returning 1
            )
            select count(*) from new_team""");

    private final EntityManager em;

    NewTeams(EntityManager em) {
        this.em = em;
    }

    /** True when the team was written; false when the case already has a team (nothing is written then). */
    boolean insert(Team team) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", team.id.toString());
        values.put("case_id", team.caseId.toString());
        values.put("case_no", team.caseNo);
        values.put("subcategory", team.subcategory);
        values.put("area_code", team.areaCode);
        values.put("level", team.level.name());
        values.put("center_code", team.centerCode);
        values.put("risk_flags", team.riskFlags);
        values.put("deadline", team.deadline);
        values.put("status", team.status.name());
        values.put("created_at", team.createdAt);
        values.put("updated_at", team.updatedAt);
        values.put("required_roles", team.requiredRoles.stream().map(Enum::name).toArray(String[]::new));
        values.put("optional_roles", team.optionalRoles.stream().map(Enum::name).toArray(String[]::new));
        List<TeamParty> parties = team.parties;
        values.put("party_ids", column(parties, p -> p.partyId));
        values.put("party_roles", column(parties, p -> p.partyRole));
        values.put("party_names", column(parties, p -> p.name));
        values.put("party_languages", column(parties, p -> p.language));
        values.put("party_organizations", column(parties, p -> Boolean.toString(p.organization)));
        values.put("party_name_keys", column(parties, p -> p.nameKey));
        values.put("party_id_number_hashes", column(parties, p -> p.idNumberHash));
        values.put("party_phone_hashes", column(parties, p -> p.phoneHash));
        List<Offer> offers = team.offers;
        values.put("offer_ids", column(offers, o -> o.id.toString()));
        values.put("offer_roles", column(offers, o -> o.role.name()));
        values.put("offer_mediators", column(offers, o -> o.mediator.id));
        values.put("offer_statuses", column(offers, o -> o.status.name()));
        values.put("offer_scores", column(offers, o -> Objects.toString(o.score, null)));
        values.put("offer_explanations", column(offers, o -> o.explanation));
        values.put("offered_by", column(offers, o -> o.offeredBy));
        values.put("offered_at", column(offers, o -> o.offeredAt.toString()));
        values.put("offer_expiries", column(offers, o -> o.expiresAt.toString()));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = INSERT.prepare(connection, values); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        });
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
