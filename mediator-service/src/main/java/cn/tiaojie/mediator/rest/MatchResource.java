package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.TeamParty;
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
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A dry run of matching: the ranking a case would get, with every factor and every exclusion, and nothing written. */
@Path("/api/match/preview")
public class MatchResource {

    public record PartyInput(@Size(max = 200) String name, boolean organization,
            @Pattern(regexp = "[0-9]{17}[0-9Xx]|[0-9A-Z]{18}", message = "must be an 18-character ID number or credit code") String idNumber,
            @Pattern(regexp = "\\+?[0-9 \\-]{6,20}", message = "must be a phone number") String phone,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh-CN") String language) {
    }

    public record PreviewRequest(@NotBlank String subcategory,
            @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be a 6, 9, 12 or 15 digit area code") String areaCode,
            AreaLevel level, @Size(max = 10) List<@NotBlank String> riskFlags,
            @Size(max = 20) List<@NotNull @Valid PartyInput> parties, List<@NotNull MediatorRole> roles,
            @Min(1) @Max(100) Integer limit) {
    }

    public record CandidateView(int rank, String mediatorId, String name, String areaCode, double score,
            Map<String, Double> factors, long load, int capacity, long recentOffers, Instant lastOfferedAt) {
    }

    public record ExcludedView(String mediatorId, String name, String rule, String detail) {
    }

    public record RoleRanking(String role, int candidateCount, List<CandidateView> candidates,
            List<ExcludedView> excluded) {

        static RoleRanking of(MediatorRole role, Matching.Ranking ranking, int limit) {
            List<Matching.Candidate> top = ranking.candidates().stream().limit(limit).toList();
            return new RoleRanking(role.name(), ranking.candidates().size(),
                    top.stream().map(c -> new CandidateView(top.indexOf(c) + 1, c.mediatorId(), c.name(), c.areaCode(),
                            c.score(), c.factors(), c.load(), c.capacity(), c.recentOffers(), c.lastOfferedAt())).toList(),
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
        Matching.Subject subject = new Matching.Subject(null, request.subcategory(), request.areaCode(), level, parties,
                Set.of(), Set.of());
        List<MediatorRole> asked = request.roles() == null || request.roles().isEmpty() ? roles.required() : request.roles();
        int limit = request.limit() == null ? 10 : request.limit();
        Instant now = Instant.now();
        return new Preview(roles.required().stream().map(Enum::name).toList(),
                roles.optional().stream().map(Enum::name).toList(), Matching.weights(),
                asked.stream().map(r -> RoleRanking.of(r, matching.rank(subject, r, now), limit)).toList());
    }

    private TeamParty party(PartyInput p) {
        TeamParty party = new TeamParty(p.name(), p.language());
        party.organization = p.organization();
        party.nameKey = PartyKeys.nameKey(p.name());
        party.idNumberHash = keys.idNumberHash(p.idNumber());
        party.phoneHash = keys.phoneHash(p.phone());
        return party;
    }
}
