package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.AuditRecord;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.FollowUp;
import cn.tiaojie.cases.model.Rating;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.aftercare.Aftercare;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.statistics.CaseCounts;
import cn.tiaojie.cases.service.intake.CaseIntake;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.intake.DuplicateDisputeException;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.service.summons.Summonses;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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

    /** The list's orders, as {@code sort} names them; the id last keeps pages stable when times tie. */
    enum ListOrder {
        newest(Sort.descending("createdAt")),
        oldest(Sort.ascending("createdAt")),
        // the step due first; cases with no step (an outcome, closed) last
        deadline(Sort.by("stepDeadline", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("createdAt")),
        caseNo(Sort.ascending("caseNo"));

        final Sort sort;

        ListOrder(Sort sort) {
            this.sort = sort.and("id");
        }
    }

    private static final String[] EVERY_ROLE = {Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT,
            Claims.ADMIN};

    private final CaseIntake intake;
    private final CaseLifecycle lifecycle;
    private final Summonses summonses;
    private final Aftercare aftercare;
    private final CaseAccess access;
    private final CaseCounts counts;
    private final CaseActions caseActions;
    private final PersonalData personalData;
    private final Taxonomy taxonomy;
    private final Caller caller;

    CaseResource(CaseIntake intake, CaseLifecycle lifecycle, Summonses summonses, Aftercare aftercare,
            CaseAccess access, CaseCounts counts, CaseActions caseActions, PersonalData personalData, Taxonomy taxonomy, Caller caller) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.summonses = summonses;
        this.aftercare = aftercare;
        this.access = access;
        this.counts = counts;
        this.caseActions = caseActions;
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
            registered = intake.register(request, center, actor, idempotencyKey);
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
    @Transactional
    public CasePage list(@QueryParam("status") String status, @QueryParam("level") String level,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("center") String center, @QueryParam("overdue") String overdue, @QueryParam("sla") String sla,
            @QueryParam("text") String text, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int pageIndex = intParam("page", page, 0, 0, 100_000);
        int pageSize = intParam("size", size, 20, 1, 200);
        ListOrder order = QueryParams.enumValue(ListOrder.class, "sort", sort);
        CaseAccess.Condition scope = access.listable(caller);
        StringBuilder where = new StringBuilder(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        CaseStatus statusValue = QueryParams.enumValue(CaseStatus.class, "status", status);
        if (statusValue != null) {
            where.append(" and status = :status");
            params.put("status", statusValue);
        }
        AreaLevel levelValue = QueryParams.enumValue(AreaLevel.class, "level", level);
        if (levelValue != null) {
            where.append(" and level = :level");
            params.put("level", levelValue);
        }
        Channel channelValue = QueryParams.enumValue(Channel.class, "channel", channel);
        if (channelValue != null) {
            where.append(" and channel = :channel");
            params.put("channel", channelValue);
        }
        if (category != null && !category.isBlank()) {
            if (taxonomy.document().categories().stream().noneMatch(cat -> cat.code().equals(category))) {
                throw ProblemException.badRequest("category", "unknown category code");
            }
            where.append(" and subcategory like :category");
            params.put("category", category + ".%");
        }
        if (center != null && !center.isBlank()) {
            where.append(" and centerCode = :center");
            params.put("center", center);
        }
        Boolean overdueValue = booleanParam("overdue", overdue);
        if (overdueValue != null) {
            where.append(overdueValue ? " and stepDeadline < :now" : " and (stepDeadline is null or stepDeadline >= :now)");
            params.put("now", Instant.now());
        }
        SlaState slaValue = QueryParams.enumValue(SlaState.class, "sla", sla);
        if (slaValue != null) {
            // a case with an outcome keeps its last SLA state, but no step runs against it any more
            where.append(" and step is not null and slaState = :sla");
            params.put("sla", slaValue);
        }
        if (text != null && !text.isBlank()) {
            if (text.length() > 100) {
                throw ProblemException.badRequest("text", "must be at most 100 characters");
            }
            // case numbers are upper case (TJ2026000001): the lowered text is raised again for them
            where.append(" and (lower(summary) like :text escape '\\' or caseNo like upper(:text) escape '\\')");
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        Sort sorted = (order == null ? ListOrder.newest : order).sort;
        PanacheQuery<DisputeCase> query = DisputeCase.find(where.toString(), sorted, params)
                .page(Page.of(pageIndex, pageSize));
        // filtered on nothing the tallies do not keep, the total is a sum of tallies, not a count of the scope's rows
        boolean tallied = levelValue == null && channelValue == null && (category == null || category.isBlank())
                && (center == null || center.isBlank()) && overdueValue == null && (text == null || text.isBlank());
        long total = tallied ? counts.total(scope, statusValue, slaValue) : query.count();
        return new CasePage(query.list().stream().map(CaseView::brief).toList(), pageIndex, pageSize, total);
    }

    /** The list's totals for the workbench: the caller's scope, by status and by SLA state. */
    @GET
    @Path("/counts")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public CaseCounts.Counts counts() {
        return counts.count(access.listable(caller));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    @Transactional
    public Response get(@PathParam("id") String id) {
        DisputeCase c = access.visible(caller, uuid(id));
        List<CaseTeamMember> team = CaseTeamMember.list("caseId", c.id);
        List<CaseEvent> timeline = CaseEvent.list("caseId", Sort.ascending("id"), c.id);
        List<Summons> summons = Summons.list("caseId", Sort.ascending("createdAt"), c.id);
        List<FollowUp> followUps = FollowUp.list("caseId", Sort.ascending("visitedAt"), c.id);
        // how each party rated the service is for those who run and supervise the case, not for the other side
        List<Rating> ratings = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN)
                ? Rating.list("caseId", Sort.ascending("ratedAt"), c.id) : List.of();
        CaseView view = CaseView.of(c, c.parties, personalData, team, summons, followUps, ratings, timeline,
                access.revealsPersonalData(caller, c));
        return Response.ok(view).tag(etag(c)).build();
    }

    /** What the workbench may offer on the case: exactly the actions its endpoints would accept from this caller now. */
    @GET
    @Path("/{id}/actions")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    @Transactional
    public Response actions(@PathParam("id") String id) {
        DisputeCase c = access.visible(caller, uuid(id));
        List<String> actions = caseActions.available(caller, c).stream().map(CaseActions.Action::segment).toList();
        return Response.ok(new AvailableActions(c.version, actions)).tag(etag(c)).build();
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public List<AuditEntry> audit(@PathParam("id") String id) {
        DisputeCase c = access.supervisable(caller, uuid(id));
        return AuditRecord.<AuditRecord>list("caseId", Sort.ascending("position"), c.id).stream()
                .map(r -> new AuditEntry(r.position, r.at, r.actor, r.role, r.action, r.beforeDigest, r.afterDigest, r.hash))
                .toList();
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Claims.STAFF)
    public Response file(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = manageable(id);
        return answer(lifecycle.file(caseId, ETags.versionOf(ifMatch), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        UUID caseId = manageable(id);
        return answer(lifecycle.reject(caseId, ETags.versionOf(ifMatch), request.reason(), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        UUID caseId = manageable(id);
        return answer(lifecycle.withdraw(caseId, ETags.versionOf(ifMatch), request.reason(), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/start-mediation")
    @RolesAllowed(Claims.STAFF)
    public Response startMediation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = manageable(id);
        return answer(lifecycle.startMediation(caseId, ETags.versionOf(ifMatch), Actor.of(caller)));
    }

    /** Asks scheduling-service for a new hearing of a case whose team waits for one (after a cancellation). */
    @POST
    @Path("/{id}/request-hearing")
    @RolesAllowed(Claims.STAFF)
    public Response requestHearing(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = manageable(id);
        return answer(lifecycle.requestHearing(caseId, ETags.versionOf(ifMatch), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response outcome(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Outcome request) {
        UUID caseId = manageable(id);
        return answer(lifecycle.recordOutcome(caseId, ETags.versionOf(ifMatch), request, Actor.of(caller)));
    }

    @POST
    @Path("/{id}/judicial-confirmation")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response judicialConfirmation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.JudicialConfirmation request) {
        UUID caseId = manageable(id);
        return answer(lifecycle.recordJudicialConfirmation(caseId, ETags.versionOf(ifMatch), request, Actor.of(caller)));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Claims.STAFF)
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = manageable(id);
        return answer(lifecycle.close(caseId, ETags.versionOf(ifMatch), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response escalate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ActionRequests.Reason request) {
        UUID caseId = supervisable(id);
        return answer(lifecycle.escalate(caseId, ETags.versionOf(ifMatch), request.reason(), Actor.of(caller)));
    }

    @POST
    @Path("/{id}/summons")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response summon(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewSummons request) {
        UUID caseId = supervisable(id);
        List<Summons> created = summonses.summon(caseId, request, Actor.of(caller));
        return Response.status(201).entity(created.stream().map(CaseResource::summonsView).toList()).build();
    }

    @POST
    @Path("/{id}/summons/{summonsId}/response")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView.SummonsView answerSummons(@PathParam("id") String id, @PathParam("summonsId") String summonsId,
            @NotNull @Valid ActionRequests.SummonsAnswer request) {
        UUID caseId = supervisable(id);
        return summonsView(summonses.answer(caseId, uuid("summonsId", summonsId), request, Actor.of(caller)));
    }

    @POST
    @Path("/{id}/ratings")
    @RolesAllowed(Claims.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewRating request) {
        UUID caseId = uuid(id);
        UUID partyId = QuarkusTransactionReads.call(() -> access.ownParty(caller, access.visible(caller, caseId)));
        Rating r = aftercare.rate(caseId, partyId, request, Actor.of(caller));
        return Response.status(201).entity(new RatingView(r.caseId, r.partyId, r.score, r.comment, r.ratedAt)).build();
    }

    @POST
    @Path("/{id}/follow-ups")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response followUp(@PathParam("id") String id, @NotNull @Valid ActionRequests.NewFollowUp request) {
        UUID caseId = manageable(id);
        FollowUp f = aftercare.followUp(caseId, request, Actor.of(caller));
        return Response.status(201).entity(new CaseView.FollowUpView(f.id, f.method, f.note, f.agreementPerformed,
                f.visitedAt, f.recordedBy)).build();
    }

    private Response answer(DisputeCase c) {
        return Response.ok(QuarkusTransactionReads.call(() -> CaseView.summary(DisputeCase.findById(c.id), personalData)))
                .tag(etag(c)).build();
    }

    private UUID manageable(String id) {
        UUID caseId = uuid(id);
        QuarkusTransactionReads.run(() -> access.manageable(caller, caseId));
        return caseId;
    }

    private UUID supervisable(String id) {
        UUID caseId = uuid(id);
        QuarkusTransactionReads.run(() -> access.supervisable(caller, caseId));
        return caseId;
    }

    private static CaseView.SummonsView summonsView(Summons s) {
        return CaseView.SummonsView.of(s, Instant.now());
    }

    private static UUID uuid(String id) {
        return uuid("id", id);
    }

    /** A path id: blank is as wrong as any other non-UUID. */
    private static UUID uuid(String name, String value) {
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
