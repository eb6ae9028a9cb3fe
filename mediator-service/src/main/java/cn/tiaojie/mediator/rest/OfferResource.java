package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.service.OfferInbox;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** A mediator's inbox: the places offered to them, which they accept or decline with their own token. */
@Path("/api/offers")
@RolesAllowed(Claims.MEDIATOR)
public class OfferResource {

    public record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final OfferInbox inbox;
    private final Caller caller;

    OfferResource(OfferInbox inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /** The caller's offers, newest first; ?status=OFFERED for those awaiting an answer. */
    @GET
    public List<OfferView> inbox(@QueryParam("status") String statusName) {
        OfferStatus status = QueryParams.enumValue(OfferStatus.class, "status", statusName);
        return inbox.offersTo(mediatorId(), status, OfferView::of);
    }

    @POST
    @Path("/{id}/accept")
    public OfferView accept(@PathParam("id") UUID id) {
        return inbox.accept(id, mediatorId(), OfferView::of);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferView decline(@PathParam("id") UUID id, @NotNull @Valid DeclineRequest request) {
        return inbox.decline(id, mediatorId(), request.reason().strip(), OfferView::of);
    }

    private String mediatorId() {
        return caller.mediatorId().orElseThrow(() -> ProblemException.forbidden("your token names no mediator"));
    }
}
