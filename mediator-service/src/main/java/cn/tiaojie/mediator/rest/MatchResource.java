package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.validation.ChinesePhone;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.mediator.service.Matching;
import cn.tiaojie.mediator.service.PartyKeys;
import cn.tiaojie.mediator.service.TeamRules;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A dry run of matching: the ranking a case would get, with every factor and every exclusion, and nothing written. */
@Path("/api/match/preview")
@Consumes(MediaType.APPLICATION_JSON)
public class MatchResource {

    public record PartyInput(@Size(max = 200) String name, Boolean organization,
            @Pattern(regexp = "[0-9]{17}[0-9Xx]|[0-9A-Z]{18}", message = "must be an 18-character ID number or credit code") String idNumber,
            @ChinesePhone String phone,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh-CN") String language) {
    }

    public record PreviewRequest(@NotBlank @Size(max = 80) String subcategory,
            @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be a 6, 9, 12 or 15 digit area code") String areaCode,
            AreaLevel level,
            @Size(max = 10) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a risk flag code") String> riskFlags,
            @Size(max = 20) List<@NotNull @Valid PartyInput> parties, @Size(max = 7) List<@NotNull MediatorRole> roles,
            @Min(1) @Max(100) Integer limit, Instant deadline) {
    }

    public record CandidateView(int rank, String mediatorId, String name, String areaCode, double score,
            Map<String, Double> factors, long load, int capacity, long recentOffers, Instant lastOfferedAt) {
    }

    public record ExcludedView(String mediatorId, String name, String rule, String detail) {
    }

    /**
     * The best candidates of a role (as many as asked) out of {@code candidateCount}; {@code excludedByRule} counts
     * every mediator within reach that a hard rule excluded, {@code excluded} lists the best-scored of them (at most
     * {@value Matching#LISTED_EXCLUSIONS}) with the rule that fired.
     */
    public record RoleRanking(String role, int candidateCount, List<CandidateView> candidates, int excludedTotal,
            Map<String, Integer> excludedByRule, List<ExcludedView> excluded) {

        static RoleRanking of(MediatorRole role, Matching.Ranking ranking) {
            List<Matching.Candidate> top = ranking.candidates();
            Map<String, Integer> byRule = new LinkedHashMap<>();
            ranking.excludedByRule().forEach((rule, n) -> byRule.put(rule.name(), n));
            return new RoleRanking(role.name(), ranking.candidateTotal(),
                    top.stream().map(c -> new CandidateView(top.indexOf(c) + 1, c.mediatorId(), c.name(), c.areaCode(),
                            c.score(), c.factors(), c.load(), c.capacity(), c.recentOffers(), c.lastOfferedAt())).toList(),
                    ranking.excludedTotal(), byRule,
                    ranking.excluded().stream().map(e -> new ExcludedView(e.mediatorId(), e.name(), e.rule().name(),
                            e.detail())).toList());
        }
    }

    public record Preview(List<String> requiredRoles, List<String> optionalRoles, Map<String, String> weights,
            List<RoleRanking> rankings) {
    }

    private final Matching matching;
    private final TeamRules rules;
    private final PartyKeys keys;

    MatchResource(Matching matching, TeamRules rules, PartyKeys keys) {
        this.matching = matching;
        this.rules = rules;
        this.keys = keys;
    }

    @POST
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public Preview preview(@NotNull @Valid PreviewRequest request) {
        List<String> flags = request.riskFlags() == null ? List.of() : request.riskFlags();
        TeamRules.Roles roles = rules.roles(request.subcategory(), flags);
        AreaLevel level = request.level() != null ? request.level()
                : AreaLevel.valueOf(rules.subcategory(request.subcategory()).defaultLevel());
        List<TeamParty> parties = (request.parties() == null ? List.<PartyInput>of() : request.parties()).stream()
                .map(this::party).toList();
        Instant now = Instant.now();
        // without a deadline the case is taken to be due when its subcategory's SLA says
        Instant deadline = request.deadline() != null ? request.deadline()
                : now.plus(Duration.ofHours(rules.subcategory(request.subcategory()).slaHours().resolution()));
        Matching.Subject subject = new Matching.Subject(null, request.subcategory(), request.areaCode(), level, parties,
                Set.of(), Set.of(), deadline);
        List<MediatorRole> asked = request.roles() == null || request.roles().isEmpty() ? roles.required() : request.roles();
        int limit = request.limit() == null ? 10 : request.limit();
        return new Preview(roles.required().stream().map(Enum::name).toList(),
                roles.optional().stream().map(Enum::name).toList(), Matching.weights(),
                asked.stream().map(r -> RoleRanking.of(r,
                        matching.rank(subject, r, now, limit, Matching.LISTED_EXCLUSIONS))).toList());
    }

    private TeamParty party(PartyInput p) {
        TeamParty party = new TeamParty(p.name(), p.language());
        party.organization = Boolean.TRUE.equals(p.organization());
        party.nameKey = PartyKeys.nameKey(p.name());
        party.idNumberHash = keys.idNumberHash(p.idNumber());
        party.phoneHash = keys.phoneHash(p.phone());
        return party;
    }
}
