package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.Taxonomy;
import cn.tiaojie.web.client.Versions;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.Codes;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 组庭规则: which roles each kind of dispute's team needs and may add. The list shows every rule in force; a rule's
 * page edits it beside the rule as it stands and previews the team it would form for a sample case.
 */
@Path("/admin/team-rules")
@Produces(MediaType.TEXT_HTML)
public class TeamRulesPage {

    private static final int PREVIEW_CANDIDATES = 3;
    private static final Map<String, String> DONE = Map.of("saved", "已保存组庭规则，之后的组庭按新规则进行。",
            "reset", "已恢复为默认规则。");

    private final MediatorApi mediators;
    private final Taxonomy taxonomy;
    private final CurrentUser currentUser;
    private final Template list;
    private final Template rule;

    TeamRulesPage(@RestClient MediatorApi mediators, Taxonomy taxonomy, CurrentUser currentUser,
            @Location("admin/team-rules") Template list, @Location("admin/team-rule") Template rule) {
        this.mediators = mediators;
        this.taxonomy = taxonomy;
        this.currentUser = currentUser;
        this.rule = rule;
        this.list = list;
    }

    /** A rule as a row: what it applies to in words, and the rule in force (null where none is set). */
    @TemplateData
    public record RuleRow(String code, String name, String kind, Map<String, Object> rule) {
    }

    /** The sample case of a preview, as the form has it. */
    @TemplateData
    public record Sample(String subcategory, String areaCode, String level, List<String> riskFlags) {

        public boolean flagged(String flag) {
            return riskFlags.contains(flag);
        }
    }

    @GET
    public TemplateInstance list() {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        mediators.teamRules().forEach(r -> byCode.put(String.valueOf(r.get("code")), r));
        List<RuleRow> flags = Codes.riskFlags.stream()
                .map(f -> new RuleRow(f, Labels.risk(f), "风险标记", byCode.get(f))).toList();
        List<RuleRow> categories = new ArrayList<>();
        List<RuleRow> subcategories = new ArrayList<>();
        for (Taxonomy.Category c : taxonomy.categories()) {
            categories.add(new RuleRow(c.code(), c.name(), "类别", byCode.get(c.code())));
            c.subcategories().forEach(s -> subcategories.add(new RuleRow(s.code(), taxonomy.name(s.code()), "子类别",
                    byCode.get(s.code()))));
        }
        return list.data("user", user).data("flags", flags).data("categories", categories)
                .data("subcategories", subcategories);
    }

    @GET
    @Path("/{code}")
    public TemplateInstance show(@PathParam("code") String code, @RestQuery String done,
            @RestQuery String subcategory, @RestQuery String areaCode, @RestQuery String level,
            @RestQuery("riskFlags") List<String> riskFlags, @RestQuery String preview) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Sample sample = sample(code, subcategory, areaCode, level, riskFlags);
        return render(user, code, ruleInForce(code), DONE.get(done == null ? "" : done), "ok", null,
                preview == null ? null : sample, sample);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> required = form.getOrDefault("requiredRoles", List.of());
        List<String> optional = form.getOrDefault("optionalRoles", List.of());
        body.put("requiredRoles", required);
        body.put("optionalRoles", optional.stream().filter(r -> !required.contains(r)).toList());
        Sample sample = sample(code, null, null, null, null);
        try {
            mediators.putTeamRule(code, Versions.ifMatch(form.getFirst("version")), body);
            return Response.seeOther(URI.create("/admin/team-rules/" + code + "?done=saved")).build();
        } catch (ApiProblem problem) {
            if (problem.isStale()) {
                return Response.status(412).entity(render(user, code, ruleInForce(code),
                        "这条规则已被他人修改，页面已显示最新规则，请核对后重新保存。", "error", null, null, sample)).build();
            }
            if (problem.status() != 400) {
                throw problem;
            }
            Map<String, Object> typed = new LinkedHashMap<>(ruleInForce(code).orElse(Map.of()));
            typed.put("requiredRoles", required);
            typed.put("optionalRoles", optional);
            return Response.status(400).entity(render(user, code, ruleInForce(code), ProblemTexts.summary(problem),
                    "error", typed, null, sample)).build();
        }
    }

    @POST
    @Path("/{code}/reset")
    public Response reset(@PathParam("code") String code) {
        currentUser.requireAnyOf(SignedInUser.ADMIN);
        mediators.resetTeamRule(code);
        return Response.seeOther(URI.create("/admin/team-rules/" + code + "?done=reset")).build();
    }

    private TemplateInstance render(SignedInUser user, String code, Optional<Map<String, Object>> inForce,
            String message, String kind, Map<String, Object> typed, Sample previewOf, Sample sample) {
        Map<String, Object> preview = null;
        String previewError = null;
        if (previewOf != null) {
            try {
                preview = mediators.preview(previewBody(previewOf));
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                previewError = "示例案件填写有误：" + String.join("；", ProblemTexts.fieldErrors(problem).values());
            }
        }
        Map<String, Object> shown = typed != null ? typed : inForce.orElse(Map.of());
        return rule.data("user", user).data("code", code).data("name", nameOf(code)).data("inForce", inForce.orElse(null))
                .data("ownRule", inForce.filter(r -> isOwn(code, r)).isPresent())
                .data("required", shown.getOrDefault("requiredRoles", List.of()))
                .data("optional", shown.getOrDefault("optionalRoles", List.of()))
                .data("message", message).data("kind", kind).data("sample", sample)
                .data("subcategories", subcategoriesFor(code)).data("preview", preview)
                .data("previewError", previewError).data("candidatesShown", PREVIEW_CANDIDATES);
    }

    /** The rule in force for a code: a category or risk flag without its own rule has none. */
    private Optional<Map<String, Object>> ruleInForce(String code) {
        try {
            return Optional.of(mediators.teamRule(code));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** Whether the rule in force is this code's own, which "恢复默认" removes; a subcategory may show its category's. */
    private static boolean isOwn(String code, Map<String, Object> rule) {
        Object source = rule.get("source");
        return code.contains(".") ? "SUBCATEGORY".equals(source) : "CATEGORY".equals(source) || "RISK_FLAG".equals(source);
    }

    private String nameOf(String code) {
        return Codes.riskFlags.contains(code) ? "风险标记：" + Labels.risk(code) : taxonomy.name(code);
    }

    /** The subcategories a sample case of this rule can be: the subcategory itself, its category's, or all. */
    private List<Taxonomy.Subcategory> subcategoriesFor(String code) {
        List<Taxonomy.Subcategory> all = new ArrayList<>();
        for (Taxonomy.Category c : taxonomy.categories()) {
            for (Taxonomy.Subcategory s : c.subcategories()) {
                if (s.code().equals(code) || c.code().equals(code) || Codes.riskFlags.contains(code)) {
                    all.add(s);
                }
            }
        }
        return all;
    }

    private Sample sample(String code, String subcategory, String areaCode, String level, List<String> riskFlags) {
        List<Taxonomy.Subcategory> choices = subcategoriesFor(code);
        String chosen = subcategory != null && choices.stream().anyMatch(s -> s.code().equals(subcategory))
                ? subcategory : choices.isEmpty() ? "" : choices.get(0).code();
        List<String> flags = new ArrayList<>(riskFlags == null ? List.of() : riskFlags);
        if (riskFlags == null && Codes.riskFlags.contains(code)) {
            flags.add(code);
        }
        return new Sample(chosen, areaCode == null || areaCode.isBlank() ? "" : areaCode.strip(),
                level == null ? "" : level, flags);
    }

    private static Map<String, Object> previewBody(Sample sample) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subcategory", sample.subcategory());
        body.put("areaCode", sample.areaCode().isEmpty() ? null : sample.areaCode());
        body.put("level", sample.level().isEmpty() ? null : sample.level());
        body.put("riskFlags", sample.riskFlags());
        body.put("limit", PREVIEW_CANDIDATES);
        return body;
    }
}
