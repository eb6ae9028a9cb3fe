package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.matching.Candidate;
import cn.tiaojie.mediator.service.matching.Matching;
import cn.tiaojie.mediator.service.matching.Ranking;
import cn.tiaojie.platform.validation.ChinesePhone;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.service.MatchPreview;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

        static RoleRanking of(MediatorRole role, Ranking ranking) {
            List<Candidate> top = ranking.candidates();
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

    private final MatchPreview preview;

    MatchResource(MatchPreview preview) {
        this.preview = preview;
    }

    @POST
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public Preview preview(@NotNull @Valid PreviewRequest request) {
        MatchPreview.Result result = preview.preview(new MatchPreview.Asked(request.subcategory(),
                request.areaCode(), request.level(), request.riskFlags() == null ? List.of() : request.riskFlags(),
                (request.parties() == null ? List.<PartyInput>of() : request.parties()).stream()
                        .map(p -> new MatchPreview.Party(p.name(), p.organization(), p.idNumber(), p.phone(),
                                p.language())).toList(),
                request.roles() == null ? List.of() : request.roles(),
                request.limit() == null ? 10 : request.limit(), request.deadline()));
        return new Preview(result.requiredRoles().stream().map(Enum::name).toList(),
                result.optionalRoles().stream().map(Enum::name).toList(), Matching.weights(),
                result.rankings().stream().map(r -> RoleRanking.of(r.role(), r.ranking())).toList());
    }
}
