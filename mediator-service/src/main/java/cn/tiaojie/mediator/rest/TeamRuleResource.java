package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.service.TeamRules;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Team rules: the roles each subcategory's team needs and may add. Every subcategory has one (the taxonomy's
 * default until an admin sets its own or its category's); risk flags (VIOLENCE_THREAT) add roles on top.
 */
@Path("/api/team-rules")
@Consumes(MediaType.APPLICATION_JSON)
public class TeamRuleResource {

    public record RuleRequest(@NotNull @Size(max = 7) List<@NotNull MediatorRole> requiredRoles,
            @Size(max = 7) List<@NotNull MediatorRole> optionalRoles) {
    }

    private final TeamRules rules;
    private final Caller caller;

    TeamRuleResource(TeamRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public List<TeamRules.Effective> list() {
        return rules.all();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public Response get(@PathParam("code") @Size(max = 80) @Pattern(regexp = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?", message = "not a category, subcategory or risk flag code") String code) {
        TeamRules.Effective rule = rules.effective(code);
        Response.ResponseBuilder response = Response.ok(rule);
        return (rule.version() == null ? response : response.tag(ETags.etag(rule.version()))).build();
    }

    /** Sets the rule of a category, a subcategory or a risk flag; If-Match guards against a concurrent edit. */
    @PUT
    @Path("/{code}")
    @RolesAllowed(Claims.ADMIN)
    public Response put(@PathParam("code") @Size(max = 80) @Pattern(regexp = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?", message = "not a category, subcategory or risk flag code") String code, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RuleRequest request) {
        TeamRules.Effective rule = rules.put(code, request.requiredRoles(),
                request.optionalRoles() == null ? List.of() : request.optionalRoles(), caller.subject(),
                ETags.versionOf(ifMatch));
        return Response.ok(rule).tag(ETags.etag(rule.version())).build();
    }

    /** Back to the default: the category's rule, else the taxonomy's. */
    @DELETE
    @Path("/{code}")
    @RolesAllowed(Claims.ADMIN)
    public void reset(@PathParam("code") @Size(max = 80) @Pattern(regexp = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?", message = "not a category, subcategory or risk flag code") String code) {
        rules.reset(code);
    }
}
