package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

    private final TeamFormation formation;
    private final Caller caller;

    OfferResource(TeamFormation formation, Caller caller) {
        this.formation = formation;
        this.caller = caller;
    }

    /** The caller's offers, newest first; ?status=OFFERED for those awaiting an answer. */
    @GET
    @Transactional
    public List<OfferView> inbox(@QueryParam("status") String statusName) {
        OfferStatus status = QueryParams.enumValue(OfferStatus.class, "status", statusName);
        String me = mediatorId();
        List<Offer> offers = status == null
                ? Offer.list("mediator.id", Sort.descending("offeredAt"), me)
                : Offer.list("mediator.id = ?1 and status = ?2", Sort.descending("offeredAt"), me, status);
        return offers.stream().map(OfferView::of).toList();
    }

    @POST
    @Path("/{id}/accept")
    @Transactional
    public OfferView accept(@PathParam("id") UUID id) {
        return OfferView.of(formation.accept(id, mediatorId()));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public OfferView decline(@PathParam("id") UUID id, @NotNull @Valid DeclineRequest request) {
        return OfferView.of(formation.decline(id, mediatorId(), request.reason().strip()));
    }

    private String mediatorId() {
        return caller.mediatorId().orElseThrow(() -> ProblemException.forbidden("your token names no mediator"));
    }
}
