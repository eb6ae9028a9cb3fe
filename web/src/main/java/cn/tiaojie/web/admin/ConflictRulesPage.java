package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.Taxonomy;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.ProblemTexts;
import cn.tiaojie.web.ui.TypedNumbers;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 回避规则: what keeps a mediator off a case. Declared relations, former clients and the mediator's own organisation
 * always do; earlier involvement with a party only lowers the score, except in the categories an administrator lists
 * here, where it excludes within a look-back window.
 */
@Path("/admin/conflict-rules")
@Produces(MediaType.TEXT_HTML)
public class ConflictRulesPage {

    private static final Map<String, String> DONE = Map.of("saved", "已保存回避规则，之后的匹配按新规则进行。",
            "removed", "已取消该类别的回避，曾办理同一当事人的调解员改为降低评分。");

    private final MediatorApi mediators;
    private final Taxonomy taxonomy;
    private final CurrentUser currentUser;
    private final Template page;

    ConflictRulesPage(@RestClient MediatorApi mediators, Taxonomy taxonomy, CurrentUser currentUser,
            @Location("admin/conflict-rules") Template page) {
        this.mediators = mediators;
        this.taxonomy = taxonomy;
        this.currentUser = currentUser;
        this.page = page;
    }

    @GET
    public TemplateInstance show(@RestQuery String done) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        return render(user, DONE.get(done == null ? "" : done), "ok", Map.of("code", "", "lookBackDays", "365"));
    }

    /** Earlier involvement excludes in this category (or subcategory) for the days given. */
    @POST
    public Object save(@RestForm String code, @RestForm String lookBackDays) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Map<String, String> typed = Map.of("code", code == null ? "" : code.strip(),
                "lookBackDays", lookBackDays == null ? "" : lookBackDays.strip());
        if (typed.get("code").isEmpty()) {
            return Response.status(400).entity(render(user, "请选择纠纷类别。", "error", typed)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lookBackDays", TypedNumbers.integer(lookBackDays));
        try {
            mediators.putEarlierInvolvementRule(typed.get("code"), body);
            return Response.seeOther(URI.create("/admin/conflict-rules?done=saved")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            Map<String, String> errors = ProblemTexts.fieldErrors(problem);
            String message = errors.containsKey("code") ? "没有这个纠纷类别，请从列表中选择。"
                    : "回溯天数须为 1 到 3650 之间的整数。";
            return Response.status(400).entity(render(user, message, "error", typed)).build();
        }
    }

    @POST
    @Path("/{code}/remove")
    public Response remove(@PathParam("code") String code) {
        currentUser.requireAnyOf(SignedInUser.ADMIN);
        mediators.resetEarlierInvolvementRule(code);
        return Response.seeOther(URI.create("/admin/conflict-rules?done=removed")).build();
    }

    private TemplateInstance render(SignedInUser user, String message, String kind, Map<String, String> typed) {
        return page.data("user", user).data("rules", mediators.earlierInvolvementRules()).data("message", message)
                .data("kind", kind).data("typed", typed).data("categories", taxonomy.categories());
    }
}
