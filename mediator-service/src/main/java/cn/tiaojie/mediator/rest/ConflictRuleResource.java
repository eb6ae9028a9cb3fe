package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.EarlierInvolvementRules;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 回避规则 that administrators set. Declared relations, former clients and a mediator's own organisation always
 * exclude; having served on an earlier case with a party excludes only for the categories listed here, within each
 * rule's look-back window, and elsewhere lowers the mediator's score so that a repeat party's cases spread.
 */
@Path("/api/conflict-rules/earlier-involvement")
@Consumes(MediaType.APPLICATION_JSON)
public class ConflictRuleResource {

    static final String CODE = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?";

    public record LookBack(@NotNull @Min(1) @Max(3650) Integer lookBackDays) {
    }

    private final EarlierInvolvementRules rules;
    private final Caller caller;

    ConflictRuleResource(EarlierInvolvementRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public EarlierInvolvementRules.Rules list() {
        return rules.all();
    }

    /** Earlier involvement excludes for this category or subcategory, within the look-back window. */
    @PUT
    @Path("/{code}")
    @RolesAllowed(Claims.ADMIN)
    public Response put(@PathParam("code") @Size(max = 80) @Pattern(regexp = CODE, message = "not a category or subcategory code") String code,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid LookBack request) {
        EarlierInvolvementRules.Rule rule = rules.put(code, request.lookBackDays(), caller.subject(),
                ETags.versionOf(ifMatch));
        return Response.ok(rule).tag(ETags.etag(rule.version())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Claims.ADMIN)
    public void reset(@PathParam("code") @Size(max = 80) @Pattern(regexp = CODE, message = "not a category or subcategory code") String code) {
        rules.reset(code);
    }
}
