package cn.tiaojie.web.staff;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.CaseApi;
import cn.tiaojie.web.client.ConcurrentCalls;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.NotifyApi;
import cn.tiaojie.web.client.SchedulingApi;
import cn.tiaojie.web.client.Versions;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.ProblemTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 案件详情 and its actions. The page gathers what the four services know of one case, asking them side by side;
 * each action posts the
 * version of the case the page showed, so a change by someone else meanwhile is a 412 and the page is drawn
 * afresh with a word of warning instead of overwriting it. The actions offered are those case-service says the
 * user may take now.
 */
@Path("/cases/{id}")
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    private final CaseApi cases;
    private final MediatorApi mediators;
    private final SchedulingApi scheduling;
    private final NotifyApi notices;
    private final ConcurrentCalls calls;
    private final CurrentUser currentUser;
    private final Template page;

    CasePage(@RestClient CaseApi cases, @RestClient MediatorApi mediators, @RestClient SchedulingApi scheduling,
            @RestClient NotifyApi notices, ConcurrentCalls calls, CurrentUser currentUser,
            @Location("staff/case") Template page) {
        this.calls = calls;
        this.cases = cases;
        this.mediators = mediators;
        this.scheduling = scheduling;
        this.notices = notices;
        this.currentUser = currentUser;
        this.page = page;
    }

    /** What the page tells after an action, and which action form it keeps open with its errors. */
    record Outcome(String message, String kind, String openAction, Map<String, String> errors,
            MultivaluedMap<String, String> typed) {

        static Outcome none() {
            return new Outcome(null, null, null, Map.of(), null);
        }
    }

    @GET
    public TemplateInstance show(@PathParam("id") String id, @RestQuery String done, @RestQuery String registered) {
        SignedInUser user = readers();
        String message = registered != null ? "已受理登记。" : done != null ? CaseActionForms.doneMessage(done) : null;
        return render(user, id, new Outcome(message, "ok", null, Map.of(), null));
    }

    @POST
    @Path("/actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object act(@PathParam("id") String id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        SignedInUser user = readers();
        CaseActionForms.Action kind = CaseActionForms.action(action).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        try {
            Map<String, Object> body = kind.body(form);
            String version = form.getFirst("version");
            switch (kind.target()) {
                case CASE -> cases.act(id, kind.path(), Versions.ifMatch(version), body);
                case SUMMONS -> cases.summon(id, body);
                case SUMMONS_ANSWER -> cases.answerSummons(id, form.getFirst("summonsId"), body);
                case FOLLOW_UP -> cases.followUp(id, body);
                case HEARING -> scheduling.act(form.getFirst("hearingId"), kind.path(), Versions.ifMatch(version), body);
            }
            return Response.seeOther(URI.create("/cases/" + id + "?done=" + action)).build();
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            Outcome outcome = problem.isStale()
                    ? new Outcome(ProblemTexts.summary(problem), "warn", null, Map.of(), null)
                    : new Outcome(ProblemTexts.summary(problem), "error", action, ProblemTexts.fieldErrors(problem), form);
            return Response.status(problem.status()).entity(render(user, id, outcome)).build();
        }
    }

    private SignedInUser readers() {
        return currentUser.requireAnyOf(SignedInUser.STAFF, SignedInUser.SUPERVISOR, SignedInUser.ADMIN);
    }

    private TemplateInstance render(SignedInUser user, String id, Outcome outcome) {
        var pendingCase = calls.start(() -> cases.get(id));
        var pendingActions = calls.start(() -> cases.actions(id));
        var pendingTeam = calls.start(() -> optional(() -> mediators.teamOfCase(id)));
        var pendingHearings = calls.start(() -> optional(() -> scheduling.hearingsOfCase(id)));
        var pendingNotices = calls.start(() -> optional(() -> notices.noticesOfCase(id, 100)));
        var pendingAudit = calls.start(() -> optional(() -> cases.audit(id)));
        Map<String, Object> disputeCase = pendingCase.join();
        Map<String, Object> actions = pendingActions.join();
        Map<String, Object> team = pendingTeam.join().orElse(null);
        List<Map<String, Object>> hearings = pendingHearings.join().orElse(List.of());
        Map<String, Object> current = hearings.stream().filter(h -> !"CANCELLED".equals(h.get("status")))
                .reduce((first, second) -> second).orElse(null);
        List<Map<String, Object>> history = current == null ? List.of()
                : scheduling.history(String.valueOf(current.get("id")));
        Object noticeItems = pendingNotices.join().map(p -> p.get("items")).orElse(List.of());
        List<Map<String, Object>> audit = pendingAudit.join().orElse(List.of());
        return page.data("user", user).data("c", disputeCase).data("actions", actions.get("actions"))
                .data("team", team).data("hearing", current).data("hearings", hearings).data("history", history)
                .data("notices", noticeItems).data("audit", audit).data("outcome", outcome)
                .data("form", new CaseActionForms.Typed(outcome.openAction(), outcome.typed(), outcome.errors()));
    }

    /** A part of the page that may not exist yet (no team before filing) or is not the user's to see. */
    private static <T> Optional<T> optional(java.util.function.Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
