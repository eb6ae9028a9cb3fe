package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.supervisor.ChartTable;
import cn.tiaojie.web.supervisor.ChartTable.Column;
import cn.tiaojie.web.supervisor.ChartTable.Kind;
import cn.tiaojie.web.supervisor.ChartTable.Unit;
import cn.tiaojie.web.supervisor.Period;
import cn.tiaojie.web.ui.Labels;
import cn.tiaojie.web.ui.ProblemTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 分配公平: how evenly offers spread over the pool, per role and per role and area, as Gini coefficients with the
 * counts they come from; the administrator reads it before changing capacities, expertise or team rules.
 */
@Path("/admin/fairness")
@Produces(MediaType.TEXT_HTML)
public class FairnessPage {

    private static final List<Column> COLUMNS = List.of(new Column("基尼系数", Unit.RATIO, true),
            new Column("调解员人数", Unit.COUNT, false), new Column("邀约次数", Unit.COUNT, false),
            new Column("接受", Unit.COUNT, false), new Column("谢绝", Unit.COUNT, false),
            new Column("过期", Unit.COUNT, false), new Column("单人最多", Unit.COUNT, false),
            new Column("单人最少", Unit.COUNT, false));

    private final MediatorApi mediators;
    private final CurrentUser currentUser;
    private final Template page;

    FairnessPage(@RestClient MediatorApi mediators, CurrentUser currentUser, @Location("admin/fairness") Template page) {
        this.mediators = mediators;
        this.currentUser = currentUser;
        this.page = page;
    }

    @GET
    @SuppressWarnings("unchecked")
    public TemplateInstance show(@RestQuery String from, @RestQuery String to, @RestQuery String area) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        Period.Result asked = Period.parse(from, to);
        String areaCode = area == null || area.isBlank() ? null : area.strip();
        String problem = asked.problem().orElse(null);
        List<ChartTable> charts = List.of();
        try {
            Map<String, Object> report = mediators.fairness(asked.period().startInstant(),
                    asked.period().endInstant(), areaCode, null);
            charts = List.of(table("fairness-by-role", "各角色邀约分配的基尼系数",
                    (List<Map<String, Object>>) report.get("byRole"), false),
                    table("fairness-by-role-area", "各角色、各地区邀约分配的基尼系数",
                            (List<Map<String, Object>>) report.get("byRoleAndArea"), true));
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            problem = ProblemTexts.fieldErrors(refused).containsKey("area") ? "地区代码应为 6、9、12 或 15 位数字。"
                    : ProblemTexts.summary(refused);
        }
        return page.data("user", user).data("period", asked.period()).data("periodProblem", problem)
                .data("area", areaCode == null ? "" : areaCode).data("charts", charts);
    }

    private static ChartTable table(String id, String title, List<Map<String, Object>> groups, boolean byArea) {
        List<ChartTable.Row> rows = new ArrayList<>();
        for (Map<String, Object> g : groups) {
            String label = Labels.role(g.get("role")) + (byArea ? " · " + g.get("areaCode") : "");
            rows.add(new ChartTable.Row(label, List.of(g.get("gini"), g.get("mediators"), g.get("offers"),
                    g.get("accepts"), g.get("declines"), g.get("expiries"), g.get("maxOffers"), g.get("minOffers"))));
        }
        return new ChartTable(id, title, Kind.BAR, byArea ? "角色 · 地区" : "角色", COLUMNS, rows);
    }
}
