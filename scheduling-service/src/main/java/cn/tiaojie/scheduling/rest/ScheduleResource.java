package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.PlanJob;
import cn.tiaojie.scheduling.service.plan.PlanJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.UUID;

/** Optimised plans: a supervisor re-plans the provisional hearings of their jurisdiction over a horizon. */
@Path("/api/schedule")
public class ScheduleResource {

    static final Duration LONGEST_HORIZON = Duration.ofDays(31);

    private final Caller caller;
    private final PlanJobs jobs;

    ScheduleResource(Caller caller, PlanJobs jobs) {
        this.caller = caller;
        this.jobs = jobs;
    }

    /** Starts a job and answers 202 with it; follow its Location for progress and the scores. */
    @POST
    @Path("/optimize")
    @RolesAllowed({Claims.SUPERVISOR, Claims.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response optimize(@NotNull @Valid OptimizeRequest request, UriInfo uri) {
        String area = areaFor(request.areaCode());
        if (!request.from().isBefore(request.to())) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(request.from(), request.to()).compareTo(LONGEST_HORIZON) > 0) {
            throw ProblemException.badRequest("to", "a horizon spans at most " + LONGEST_HORIZON.toDays() + " days");
        }
        PlanJob job = jobs.start(caller.subject(), area, request.from().toInstant(), request.to().toInstant());
        return Response.accepted(PlanJobView.of(job, jobs.progressOf(job.id), jobs.spentLimit()))
                .location(uri.getBaseUriBuilder().path("api/schedule/jobs").path(job.id.toString()).build()).build();
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Claims.SUPERVISOR, Claims.ADMIN})
    public PlanJobView job(@PathParam("id") UUID id) {
        PlanJob job = jobs.find(id).orElse(null);
        if (job == null || !(caller.is(Claims.ADMIN)
                || caller.area().filter(a -> AreaCodes.isWithin(job.areaCode, a)).isPresent())) {
            throw ProblemException.notFound("plan job", id);
        }
        return PlanJobView.of(job, jobs.progressOf(id), jobs.spentLimit());
    }

    /** A supervisor plans their own area or one within it; an admin names any. */
    private String areaFor(String asked) {
        if (caller.is(Claims.ADMIN)) {
            if (asked == null) {
                throw ProblemException.badRequest("areaCode", "is required for an admin");
            }
            return asked;
        }
        String own = caller.area().orElseThrow(() -> ProblemException.forbidden("the token names no area"));
        if (asked == null) {
            return own;
        }
        if (!AreaCodes.isWithin(asked, own)) {
            throw ProblemException.forbidden("area " + asked + " is outside the supervisor's area " + own);
        }
        return asked;
    }
}
