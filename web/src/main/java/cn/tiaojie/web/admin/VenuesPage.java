package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.SchedulingApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.Formats;
import cn.tiaojie.web.ui.ProblemTexts;
import cn.tiaojie.web.ui.TypedNumbers;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 调解场所: the rooms of each center and the on-site venues of evening sessions (屋场夜话), their hours, capacity and
 * video; added, changed and closed here. Administrators keep every center's, staff their own center's.
 */
@Path("/admin/venues")
@Produces(MediaType.TEXT_HTML)
public class VenuesPage {

    private static final List<String> FIELDS = List.of("centerCode", "name", "address", "kind", "capacity", "opens",
            "closes");
    private static final Map<String, String> DONE = Map.of("created", "已新增调解场所。", "saved", "已保存调解场所。");

    private final SchedulingApi scheduling;
    private final CurrentUser currentUser;
    private final Template list;
    private final Template venue;

    VenuesPage(@RestClient SchedulingApi scheduling, CurrentUser currentUser, @Location("admin/venues") Template list,
            @Location("admin/venue") Template venue) {
        this.scheduling = scheduling;
        this.currentUser = currentUser;
        this.list = list;
        this.venue = venue;
    }

    @GET
    public TemplateInstance show(@RestQuery String done) {
        SignedInUser user = keeper();
        return render(user, DONE.get(done == null ? "" : done), "ok", blank(user), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(MultivaluedMap<String, String> form) {
        SignedInUser user = keeper();
        Map<String, String> typed = typed(form);
        if (!user.admin()) {
            typed.put("centerCode", user.center().orElse(""));
        }
        try {
            scheduling.createVenue(body(typed));
            return Response.seeOther(URI.create("/admin/venues?done=created")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status()).entity(render(user, refusal(problem), "error", typed,
                    ProblemTexts.fieldErrors(problem))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") String id, @RestQuery String done) {
        SignedInUser user = keeper();
        Map<String, Object> shown = scheduling.venue(id);
        return venuePage(user, shown, asTyped(shown), Map.of(), DONE.get(done == null ? "" : done), "ok", null);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        SignedInUser user = keeper();
        Map<String, Object> shown = scheduling.venue(id);
        Map<String, String> typed = typed(form);
        typed.put("centerCode", String.valueOf(shown.get("centerCode")));
        try {
            scheduling.updateVenue(id, body(typed));
            return Response.seeOther(URI.create("/admin/venues/" + id + "?done=saved")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status()).entity(venuePage(user, shown, typed,
                    ProblemTexts.fieldErrors(problem), refusal(problem), "error", null)).build();
        }
    }

    /** 关闭场所: it takes no new hearings; its coming hearings move to the earliest other slot, everyone told. */
    @POST
    @Path("/{id}/close")
    public TemplateInstance close(@PathParam("id") String id, @RestForm String reason) {
        SignedInUser user = keeper();
        Map<String, Object> closure = scheduling.closeVenue(id, reason == null || reason.isBlank() ? null : reason.strip());
        Map<String, Object> shown = scheduling.venue(id);
        return venuePage(user, shown, asTyped(shown), Map.of(), "已关闭该场所。", "ok", closure);
    }

    private TemplateInstance venuePage(SignedInUser user, Map<String, Object> shown, Map<String, String> typed,
            Map<String, String> errors, String message, String kind, Map<String, Object> closure) {
        return venue.data("user", user).data("v", shown).data("typed", typed).data("errors", errors)
                .data("message", message).data("kind", kind).data("closure", closure);
    }

    /** Why the service refused a venue: a name the center already uses (409), or the fields it names. */
    private static String refusal(ApiProblem problem) {
        return problem.status() == 409 ? "该中心已有同名的调解场所，请换一个名称。" : ProblemTexts.summary(problem);
    }

    private SignedInUser keeper() {
        return currentUser.requireAnyOf(SignedInUser.ADMIN, SignedInUser.STAFF);
    }

    private TemplateInstance render(SignedInUser user, String message, String kind, Map<String, String> typed,
            Map<String, String> errors) {
        Map<String, List<Map<String, Object>>> byCenter = new TreeMap<>();
        for (Map<String, Object> v : scheduling.venues(null)) {
            byCenter.computeIfAbsent(String.valueOf(v.get("centerCode")), c -> new java.util.ArrayList<>()).add(v);
        }
        return list.data("user", user).data("byCenter", byCenter).data("message", message).data("kind", kind)
                .data("typed", typed).data("errors", errors);
    }

    private static Map<String, String> blank(SignedInUser user) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f, ""));
        typed.put("centerCode", user.center().orElse(""));
        typed.put("kind", "ROOM");
        typed.put("capacity", "10");
        typed.put("opens", "08:30");
        typed.put("closes", "17:30");
        typed.put("hasVideo", "");
        return typed;
    }

    private static Map<String, String> asTyped(Map<String, Object> venue) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f, venue.get(f) == null ? "" : String.valueOf(venue.get(f))));
        typed.put("opens", Formats.clock(venue.get("opens")));
        typed.put("closes", Formats.clock(venue.get("closes")));
        typed.put("hasVideo", Boolean.TRUE.equals(venue.get("hasVideo")) ? "true" : "");
        return typed;
    }

    private static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f, form.getFirst(f) == null ? "" : form.getFirst(f).strip()));
        typed.put("hasVideo", form.getFirst("hasVideo") == null ? "" : "true");
        return typed;
    }

    private static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        FIELDS.forEach(f -> body.put(f, typed.get(f).isEmpty() ? null : typed.get(f)));
        body.put("capacity", TypedNumbers.integer(typed.get("capacity")));
        body.put("hasVideo", !typed.get("hasVideo").isEmpty());
        return body;
    }
}
