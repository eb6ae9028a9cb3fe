package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.ChoiceBallot;
import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.service.Access;
import cn.tiaojie.mediator.service.PartyChoice;
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

        static ChoiceListView of(ChoiceList l, String partyId) {
            List<ChoiceBallot> mine = partyId == null ? List.of()
                    : ChoiceBallot.list("key.listId = ?1 and key.partyId = ?2", l.id, partyId);
            return new ChoiceListView(l.id, l.teamId, l.role.name(), l.status.name(), l.closesAt,
                    l.mediatorIds.stream().map(id -> {
                        Mediator m = Mediator.findById(id);
                        ChoiceBallot mark = mine.stream().filter(b -> b.key.mediatorId.equals(id)).findFirst().orElse(null);
                        return new ListedMediator(id, m.name, m.role.nameZh(), m.organization, m.expertiseList(),
                                mark == null ? null : mark.rank, mark != null && mark.rank == null);
                    }).toList(),
                    l.decidedOrderList());
        }
    }

    /** Every listed mediator either struck or ranked, most preferred first. */
    public record BallotRequest(@NotNull @Size(max = 10) List<@NotBlank @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String> struck,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String> ranking) {
    }

    private final PartyChoice choice;
    private final TeamFormation formation;
    private final Access access;
    private final Caller caller;

    ChoiceResource(PartyChoice choice, TeamFormation formation, Access access, Caller caller) {
        this.choice = choice;
        this.formation = formation;
        this.access = access;
        this.caller = caller;
    }

    /** The choice lists of the resident's own case. */
    @GET
    @RolesAllowed(Claims.RESIDENT)
    @Transactional
    public List<ChoiceListView> mine() {
        Team team = residentTeam();
        String partyId = caller.partyId().orElseThrow();
        return ChoiceList.<ChoiceList>list("teamId", Sort.ascending("publishedAt"), team.id).stream()
                .map(l -> ChoiceListView.of(l, partyId)).toList();
    }

    @PUT
    @Path("/{id}/ballot")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Claims.RESIDENT)
    @Transactional
    public ChoiceListView submit(@PathParam("id") UUID id, @NotNull @Valid BallotRequest request) {
        String caseId = caller.caseId().orElseThrow(() -> ProblemException.forbidden("your token names no case"));
        String partyId = caller.partyId().orElseThrow(() -> ProblemException.forbidden("your token names no party"));
        ChoiceList list = choice.submit(id, caseId, partyId, request.struck(), request.ranking());
        return ChoiceListView.of(list, partyId);
    }

    /** Staff close a list before every party answered; those who did not are left out of the count. */
    @POST
    @Path("/{id}/decide")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public ChoiceListView decide(@PathParam("id") UUID id) {
        ChoiceList list = ChoiceList.findById(id);
        if (list == null) {
            throw ProblemException.notFound("choice list", id);
        }
        access.manageableTeam(caller, list.teamId);
        return ChoiceListView.of(formation.decideChoiceList(id, caller.subject()), null);
    }

    private Team residentTeam() {
        String caseId = caller.caseId().orElseThrow(() -> ProblemException.forbidden("your token names no case"));
        String partyId = caller.partyId().orElseThrow(() -> ProblemException.forbidden("your token names no party"));
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("your token names no case");
        }
        Team team = Team.ofCase(id).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        if (PartyChoice.partyOf(team, partyId) == null) {
            throw ProblemException.notFound("team of case", caseId);
        }
        return team;
    }
}
