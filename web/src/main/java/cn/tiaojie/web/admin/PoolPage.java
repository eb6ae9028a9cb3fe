package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.Taxonomy;
import cn.tiaojie.web.client.Versions;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.Labels;
import cn.tiaojie.web.ui.ProblemTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * 调解员库: the administrators' list of the pool with its filters, each member's profile with their workload and
 * latest offers, and the forms that register, edit, send on leave, suspend and reinstate a member.
 */
@Path("/admin/mediators")
@Produces(MediaType.TEXT_HTML)
public class PoolPage {

    static final int PAGE_SIZE = 50;
    private static final Map<String, String> DONE = Map.of("created", "已登记新调解员。", "saved", "已保存调解员信息。",
            "ACTIVE", "已恢复为在册可指派。", "ON_LEAVE", "已设为休假中，休假期间不会收到指派。",
            "SUSPENDED", "已暂停，暂停期间不会收到指派。");

    private final MediatorApi mediators;
    private final Taxonomy taxonomy;
    private final CurrentUser currentUser;
    private final Template list;
    private final Template profile;
    private final Template registration;

    PoolPage(@RestClient MediatorApi mediators, Taxonomy taxonomy, CurrentUser currentUser,
            @Location("admin/mediators") Template list, @Location("admin/mediator") Template profile,
            @Location("admin/mediator-new") Template registration) {
        this.mediators = mediators;
        this.taxonomy = taxonomy;
        this.currentUser = currentUser;
        this.list = list;
        this.profile = profile;
        this.registration = registration;
    }

    /** The filters of the list as asked, kept in the form and in the pager's links. */
    @TemplateData
    public record Filters(String role, String area, String status, String language, String q) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            Map<String, String> named = new LinkedHashMap<>();
            named.put("role", role);
            named.put("area", area);
            named.put("status", status);
            named.put("language", language);
            named.put("q", q);
            named.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }

        public boolean any() {
            return !(role + area + status + language + q).isEmpty();
        }
    }

    @GET
    public TemplateInstance search(@RestQuery String role, @RestQuery String area, @RestQuery String status,
            @RestQuery String language, @RestQuery String q, @RestQuery Integer page) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Filters filters = new Filters(clean(role), clean(area), clean(status), clean(language), clean(q));
        int index = page == null || page < 0 ? 0 : page;
        String error = null;
        List<Map<String, Object>> members = List.of();
        long total = 0;
        try {
            RestResponse<List<Map<String, Object>>> answer = mediators.pool(nullIfEmpty(filters.role()),
                    nullIfEmpty(filters.area()), nullIfEmpty(filters.status()), nullIfEmpty(filters.language()),
                    nullIfEmpty(filters.q()), index, PAGE_SIZE);
            members = answer.getEntity();
            String count = answer.getHeaderString("X-Total-Count");
            total = count == null ? members.size() : Long.parseLong(count);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            error = "筛选条件有误：" + String.join("；", ProblemTexts.fieldErrors(problem).values());
        }
        long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        return list.data("user", user).data("members", members).data("total", total).data("filters", filters)
                .data("error", error).data("pageIndex", index).data("pages", pages);
    }

    @GET
    @Path("/new")
    public TemplateInstance blank() {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        return registration.data("user", user).data("form", MediatorForm.blank()).data("message", null)
                .data("categories", taxonomy.categories());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(MultivaluedMap<String, String> typed) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        MediatorForm form = MediatorForm.typed(typed);
        try {
            Map<String, Object> created = mediators.register(form.body());
            return Response.seeOther(URI.create("/admin/mediators/" + created.get("id") + "?done=created")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            String message = problem.status() == 409 ? "编号 " + form.value("id") + " 已被使用，请换一个编号。"
                    : ProblemTexts.summary(problem);
            return Response.status(problem.status()).entity(registration.data("user", user)
                    .data("form", form.withErrors(ProblemTexts.fieldErrors(problem))).data("message", message)
                    .data("categories", taxonomy.categories())).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id, @RestQuery String done) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Map<String, Object> member = mediators.mediator(id);
        return render(user, member, MediatorForm.of(member, String.valueOf(member.get("version"))),
                DONE.get(done == null ? "" : done), "ok");
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("id") String id, MultivaluedMap<String, String> typed) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        MediatorForm form = MediatorForm.typed(typed);
        return put(user, id, form, "saved");
    }

    /** 休假 / 暂停 / 恢复: the member as they stand, with another status. */
    @POST
    @Path("/{id}/status")
    public Object changeStatus(@PathParam("id") String id, @RestForm String status, @RestForm String version) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Map<String, Object> member = mediators.mediator(id);
        MediatorForm form = MediatorForm.of(member, version == null ? "" : version).withStatus(status);
        return put(user, id, form, status);
    }

    private Object put(SignedInUser user, String id, MediatorForm form, String done) {
        Map<String, Object> body = form.body();
        body.put("id", id);
        try {
            mediators.update(id, Versions.ifMatch(form.version()), body);
            return Response.seeOther(URI.create("/admin/mediators/" + id + "?done="
                    + URLEncoder.encode(done == null ? "" : done, StandardCharsets.UTF_8))).build();
        } catch (ApiProblem problem) {
            if (!problem.isStale() && problem.status() != 400) {
                throw problem;
            }
            Map<String, Object> member = mediators.mediator(id);
            if (problem.isStale()) {
                return Response.status(412).entity(render(user, member,
                        MediatorForm.of(member, String.valueOf(member.get("version"))),
                        "调解员信息已被他人修改，页面已显示最新信息，请核对后重新保存。", "error")).build();
            }
            return Response.status(400).entity(render(user, member, form.withErrors(ProblemTexts.fieldErrors(problem)),
                    ProblemTexts.summary(problem), "error")).build();
        }
    }

    private TemplateInstance render(SignedInUser user, Map<String, Object> member, MediatorForm form, String message,
            String kind) {
        Map<String, Object> workload = mediators.workload(String.valueOf(member.get("id")));
        @SuppressWarnings("unchecked")
        long offersTotal = ((Map<String, Object>) workload.get("offersSince")).values().stream()
                .mapToLong(n -> ((Number) n).longValue()).sum();
        return profile.data("user", user).data("m", member).data("form", form).data("workload", workload)
                .data("offersTotal", offersTotal)
                .data("message", message).data("kind", kind).data("categories", taxonomy.categories())
                .data("roleName", Labels.role(member.get("role")));
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
