package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.FollowUp;
import cn.tiaojie.cases.model.Rating;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.aftercare.Aftercare;
import cn.tiaojie.cases.service.intake.CaseIntake;
import cn.tiaojie.cases.service.intake.DuplicateDisputeException;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.service.reads.CaseReads;
import cn.tiaojie.cases.service.statistics.CaseCounts;
import cn.tiaojie.cases.service.summons.Summonses;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

@Path("/api/cases")
public class CaseResource {

    public record CasePage(List<CaseView> items, int page, int size, long total) {
    }

    public record AuditEntry(long position, Instant at, String actor, String role, String action, String beforeDigest,
            String afterDigest, String hash) {
    }

    /**
     * The answer to 受理: what the desk needs to go on (the case's number, level and deadlines); the full case with
     * its parties is one GET away at the Location.
     */
    public record RegisteredCase(UUID id, String caseNo, String status, String level, boolean urgent, Instant deadline,
            String step, Instant stepDeadline) {

        static RegisteredCase of(DisputeCase c) {
            return new RegisteredCase(c.id, c.caseNo, c.status.name(), c.level.name(), c.urgent, c.deadline,
                    c.step == null ? null : c.step.name(), c.stepDeadline);
        }
    }

    public record RatingView(UUID caseId, UUID partyId, int score, String comment, Instant ratedAt) {
    }

    /** The case actions the caller may take now, by their path segment, and the version they act on. */
    public record AvailableActions(long version, List<String> actions) {
    }

    /** Who may act on the case, checked before the action: its center's staff, or also its supervisors. */
    private enum Gate {
        MANAGE, SUPERVISE, NONE
    }

    /** A case action of a service: the case, the version the caller saw (null: any) and who acts. */
    @FunctionalInterface
    private interface CaseAction<T> {
        T on(UUID caseId, Long expectedVersion, Actor actor);
    }

    private final CaseIntake intake;
    private final CaseLifecycle lifecycle;
    private final Summonses summonses;
    private final Aftercare aftercare;
    private final CaseReads reads;
    private final PersonalData personalData;
    private final Taxonomy taxonomy;
    private final Caller caller;

    CaseResource(CaseIntake intake, CaseLifecycle lifecycle, Summonses summonses, Aftercare aftercare,
            CaseReads reads, PersonalData personalData, Taxonomy taxonomy, Caller caller) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.summonses = summonses;
        this.aftercare = aftercare;
        this.reads = reads;
        this.personalData = personalData;
        this.taxonomy = taxonomy;
        this.caller = caller;
    }

    /**
     * 受理. A retry with the same Idempotency-Key answers with the first result; a duplicate dispute is 409.
     * Returning a Uni lets the body be read and validated on the I/O thread as it arrives; the transaction then
     * runs on a worker thread.
     */
    @POST
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@NotNull @Valid NewCaseRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        String center = caller.center().orElseThrow(() -> ProblemException.forbidden("your token names no center"));
        Actor actor = Actor.of(caller);
        UriBuilder cases = uri.getBaseUriBuilder().path("api/cases");
        String instance = uri.getPath();
        return Uni.createFrom().item(() -> register(request, center, actor, idempotencyKey, cases, instance))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response register(NewCaseRequest request, String center, Actor actor, String idempotencyKey,
            UriBuilder cases, String instance) {
        CaseIntake.Registered registered;
        try {
            registered = intake.register(request.toCommand(), center, actor, idempotencyKey);
        } catch (DuplicateDisputeException e) {
            return duplicate(e, instance);
        }
        DisputeCase c = registered.disputeCase();
        URI location = cases.path(c.id.toString()).build();
        Response.ResponseBuilder response = Response.created(location).tag(etag(c)).entity(RegisteredCase.of(c));
        return registered.replayed() ? response.header("Idempotency-Replayed", "true").build() : response.build();
    }

    private static Response duplicate(DuplicateDisputeException e, String instance) {
        DisputeCase existing = e.existing();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Duplicate dispute");
        body.put("status", 409);
        body.put("detail", e.getMessage());
        body.put("instance", instance);
        body.put("existingCase", Map.of("id", existing.id, "caseNo", existing.caseNo, "status", existing.status.name(),
                "createdAt", existing.createdAt.toString()));
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public CasePage list(@QueryParam("status") String status, @QueryParam("level") String level,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("center") String center, @QueryParam("overdue") String overdue, @QueryParam("sla") String sla,
            @QueryParam("text") String text, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int pageIndex = intParam("page", page, 0, 0, 100_000);
        int pageSize = intParam("size", size, 20, 1, 200);
        CaseReads.ListOrder order = QueryParams.enumValue(CaseReads.ListOrder.class, "sort", sort);
        CaseStatus statusValue = QueryParams.enumValue(CaseStatus.class, "status", status);
        AreaLevel levelValue = QueryParams.enumValue(AreaLevel.class, "level", level);
        Channel channelValue = QueryParams.enumValue(Channel.class, "channel", channel);
        String categoryValue = blankAsNull(category);
        if (categoryValue != null
                && taxonomy.document().categories().stream().noneMatch(cat -> cat.code().equals(categoryValue))) {
            throw ProblemException.badRequest("category", "unknown category code");
        }
        Boolean overdueValue = booleanParam("overdue", overdue);
        SlaState slaValue = QueryParams.enumValue(SlaState.class, "sla", sla);
        String textValue = blankAsNull(text);
        if (textValue != null && textValue.length() > 100) {
            throw ProblemException.badRequest("text", "must be at most 100 characters");
        }
        CaseReads.Filter filter = new CaseReads.Filter(statusValue, levelValue, categoryValue, channelValue,
                blankAsNull(center), overdueValue, slaValue, textValue);
        CaseReads.Found<CaseView> found = reads.list(caller, filter, order, pageIndex, pageSize, CaseView::brief);
        return new CasePage(found.items(), pageIndex, pageSize, found.total());
    }

    /** The list's totals for the workbench: the caller's scope, by status and by SLA state. */
    @GET
    @Path("/counts")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public CaseCounts.Counts counts() {
        return reads.counts(caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    public Response get(@PathParam("id") String id) {
        return reads.detail(caller, uuid(id), d -> {
            DisputeCase c = d.disputeCase();
            CaseView view = CaseView.of(c, c.parties, personalData, d.team(), d.summons(), d.followUps(), d.ratings(),
                    d.timeline(), d.revealsPersonalData(), d.hearingArrangements());
            return Response.ok(view).tag(etag(c)).build();
        });
    }

    /** What the workbench may offer on the case: exactly the actions its endpoints would accept from this caller now. */
    @GET
    @Path("/{id}/actions")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    public Response actions(@PathParam("id") String id) {
        CaseReads.Available available = reads.actions(caller, uuid(id));
        List<String> actions = available.actions().stream().map(CaseActions.Action::segment).toList();
        return Response.ok(new AvailableActions(available.version(), actions)).tag(ETags.etag(available.version()))
                .build();
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return reads.audit(caller, uuid(id)).stream()
                .map(r -> new AuditEntry(r.position, r.at, r.actor, r.role, r.action, r.beforeDigest, r.afterDigest, r.hash))
                .toList();
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Claims.STAFF)
    public Response file(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, Gate.MANAGE, (c, v, a) -> lifecycle.file(c, v, null, a), this::summary);
    }

    /** 立案 with how the case's hearings are to be held: {"hearing": {"evening", "onSite", …}}. */
    @POST
    @Path("/{id}/file")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fileArranged(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid ActionRequests.HearingAsked request) {
        return act(id, ifMatch, Gate.MANAGE,
                (c, v, a) -> lifecycle.file(c, v, ActionRequests.HearingAsked.toCommand(request), a), this::summary);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        return act(id, ifMatch, Gate.MANAGE, (c, v, a) -> lifecycle.reject(c, v, request.reason(), a), this::summary);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        return act(id, ifMatch, Gate.MANAGE, (c, v, a) -> lifecycle.withdraw(c, v, request.reason(), a), this::summary);
    }

    @POST
    @Path("/{id}/start-mediation")
    @RolesAllowed(Claims.STAFF)
    public Response startMediation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, Gate.MANAGE, lifecycle::startMediation, this::summary);
    }

    /** Asks scheduling-service for a new hearing of a case whose team waits for one (after a cancellation). */
    @POST
    @Path("/{id}/request-hearing")
    @RolesAllowed(Claims.STAFF)
    public Response requestHearing(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, Gate.MANAGE, (c, v, a) -> lifecycle.requestHearing(c, v, null, a), this::summary);
    }

    /** The same, held otherwise from now on: {"hearing": {"evening", "onSite", "videoAllowed", …}}. */
    @POST
    @Path("/{id}/request-hearing")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestHearingArranged(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid ActionRequests.HearingAsked request) {
        return act(id, ifMatch, Gate.MANAGE,
                (c, v, a) -> lifecycle.requestHearing(c, v, ActionRequests.HearingAsked.toCommand(request), a),
                this::summary);
    }

    /** Staff record the case's current hearing held (who attended, the minutes) or not held (why). */
    @POST
    @Path("/{id}/hearings/{hearingId}/record")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordHearing(@PathParam("id") String id,
            @PathParam("hearingId") @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]+")
            String hearingId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.HearingHeld request) {
        return act(id, ifMatch, Gate.MANAGE,
                (c, v, a) -> lifecycle.recordHearing(c, v, request.toCommand(hearingId), a), this::summary);
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response outcome(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Outcome request) {
        return act(id, ifMatch, Gate.MANAGE, (c, v, a) -> lifecycle.recordOutcome(c, v, request.toCommand(), a),
                this::summary);
    }

    @POST
    @Path("/{id}/judicial-confirmation")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response judicialConfirmation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.JudicialConfirmation request) {
        return act(id, ifMatch, Gate.MANAGE,
                (c, v, a) -> lifecycle.recordJudicialConfirmation(c, v, request.toCommand(), a), this::summary);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Claims.STAFF)
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, Gate.MANAGE, lifecycle::close, this::summary);
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response escalate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        return act(id, ifMatch, Gate.SUPERVISE, (c, v, a) -> lifecycle.escalate(c, v, request.reason(), a),
                this::summary);
    }

    @POST
    @Path("/{id}/summons")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response summon(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewSummons request) {
        return act(id, null, Gate.SUPERVISE, (c, v, a) -> summonses.summon(c, request.toCommand(), a),
                created -> created(created.stream().map(CaseResource::summonsView).toList()));
    }

    @POST
    @Path("/{id}/summons/{summonsId}/response")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView.SummonsView answerSummons(@PathParam("id") String id, @PathParam("summonsId") String summonsId,
            @NotNull @Valid ActionRequests.SummonsAnswer request) {
        return act(id, null, Gate.SUPERVISE,
                (c, v, a) -> summonses.answer(c, uuid("summonsId", summonsId), request.toCommand(), a),
                CaseResource::summonsView);
    }

    @POST
    @Path("/{id}/ratings")
    @RolesAllowed(Claims.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewRating request) {
        return act(id, null, Gate.NONE,
                (c, v, a) -> aftercare.rate(c, reads.ownParty(caller, c), request.toCommand(), a),
                (Rating r) -> created(new RatingView(r.caseId, r.partyId, r.score, r.comment, r.ratedAt)));
    }

    @POST
    @Path("/{id}/follow-ups")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response followUp(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewFollowUp request) {
        return act(id, null, Gate.MANAGE, (c, v, a) -> aftercare.followUp(c, request.toCommand(), a),
                (FollowUp f) -> created(new CaseView.FollowUpView(f.id, f.method, f.note, f.agreementPerformed,
                        f.visitedAt, f.recordedBy)));
    }

    /**
     * The one way through a case action: the path id, the caller's right to act on the case, the version named by
     * If-Match, the acting caller, the service's action, and the answer mapped from what it returned.
     */
    private <T, R> R act(String id, String ifMatch, Gate gate, CaseAction<T> action, Function<T, R> answer) {
        UUID caseId = uuid(id);
        switch (gate) {
            case MANAGE -> reads.requireManageable(caller, caseId);
            case SUPERVISE -> reads.requireSupervisable(caller, caseId);
            case NONE -> {
            }
        }
        Long expectedVersion = ETags.versionOf(ifMatch);
        return answer.apply(action.on(caseId, expectedVersion, Actor.of(caller)));
    }

    /** The case as it is after the action committed, with its new version as ETag. */
    private Response summary(DisputeCase c) {
        return Response.ok(reads.current(c.id, found -> CaseView.summary(found, personalData))).tag(etag(c)).build();
    }

    private static Response created(Object entity) {
        return Response.status(201).entity(entity).build();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static CaseView.SummonsView summonsView(Summons s) {
        return CaseView.SummonsView.of(s, Instant.now());
    }

    private static UUID uuid(String id) {
        return uuid("id", id);
    }

    /** A path id: blank is as wrong as any other non-UUID. */
    static UUID uuid(String name, String value) {
        UUID parsed = QueryParams.uuid(name, value);
        if (parsed == null) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
        return parsed;
    }

    static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    static Boolean booleanParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    static EntityTag etag(DisputeCase c) {
        return ETags.etag(c.version);
    }
}
