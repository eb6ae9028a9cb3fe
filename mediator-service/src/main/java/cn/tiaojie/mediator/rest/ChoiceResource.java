package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.MediatorProfile;
import cn.tiaojie.mediator.service.ChoiceListDetail;
import cn.tiaojie.mediator.service.PartyChoice;
import cn.tiaojie.mediator.service.Teams;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Party choice from the parties' side: a resident (their token names their case and party) reads the short lists of
 * their case and strikes and ranks each; staff may decide a list early.
 */
@Path("/api/choice-lists")
public class ChoiceResource {

    public record ListedMediator(String mediatorId, String name, String role, String organization,
            List<String> expertise, Integer myRank, boolean struckByMe) {
    }

    public record ChoiceListView(UUID id, UUID teamId, String role, String status, Instant closesAt,
            List<ListedMediator> mediators, List<String> decidedOrder) {

        static ChoiceListView of(ChoiceListDetail l) {
            return new ChoiceListView(l.id(), l.teamId(), l.role(), l.status(), l.closesAt(),
                    l.mediators().stream().map(m -> new ListedMediator(m.mediatorId(), m.name(), m.role(),
                            m.organization(), m.expertise(), m.myRank(), m.struckByMe())).toList(),
                    l.decidedOrder());
        }
    }

    /** Every listed mediator either struck or ranked, most preferred first. */
    public record BallotRequest(@NotNull @Size(max = 10) List<@NotBlank @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String> struck,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String> ranking) {
    }

    private final PartyChoice choice;
    private final Teams teams;
    private final Caller caller;

    ChoiceResource(PartyChoice choice, Teams teams, Caller caller) {
        this.choice = choice;
        this.teams = teams;
        this.caller = caller;
    }

    /** The choice lists of the resident's own case. */
    @GET
    @RolesAllowed(Claims.RESIDENT)
    public List<ChoiceListView> mine() {
        String caseId = caller.caseId().orElseThrow(() -> ProblemException.forbidden("your token names no case"));
        String partyId = caller.partyId().orElseThrow(() -> ProblemException.forbidden("your token names no party"));
        return choice.listsOf(caseId, partyId).stream().map(ChoiceListView::of).toList();
    }

    @PUT
    @Path("/{id}/ballot")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Claims.RESIDENT)
    public ChoiceListView submit(@PathParam("id") UUID id, @NotNull @Valid BallotRequest request) {
        String caseId = caller.caseId().orElseThrow(() -> ProblemException.forbidden("your token names no case"));
        String partyId = caller.partyId().orElseThrow(() -> ProblemException.forbidden("your token names no party"));
        return ChoiceListView.of(choice.answer(id, caseId, partyId, request.struck(), request.ranking()));
    }

    /** Staff close a list before every party answered; those who did not are left out of the count. */
    @POST
    @Path("/{id}/decide")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    public ChoiceListView decide(@PathParam("id") UUID id) {
        return ChoiceListView.of(teams.decideChoiceList(caller, id));
    }
}
