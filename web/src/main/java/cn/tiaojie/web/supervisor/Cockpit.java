package cn.tiaojie.web.supervisor;

import cn.tiaojie.web.client.CaseApi;
import cn.tiaojie.web.client.ConcurrentCalls;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.Taxonomy;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 督办: a supervisor's (or administrator's) view of their jurisdiction — the period's figures, what is overdue or
 * about to be, the cases escalated lately, and the charts with their tables and CSV downloads.
 */
@Path("/cockpit")
public class Cockpit {

    static final int DUE_SOON_SHOWN = 20;
    static final int ESCALATION_DAYS = 30;

    private final CaseApi cases;
    private final MediatorApi mediators;
    private final ConcurrentCalls calls;
    private final Taxonomy taxonomy;
    private final CurrentUser currentUser;
    private final Template cockpit;

    Cockpit(@RestClient CaseApi cases, @RestClient MediatorApi mediators, ConcurrentCalls calls, Taxonomy taxonomy,
            CurrentUser currentUser, @Location("supervisor/cockpit") Template cockpit) {
        this.cases = cases;
        this.mediators = mediators;
        this.calls = calls;
        this.taxonomy = taxonomy;
        this.currentUser = currentUser;
        this.cockpit = cockpit;
    }

    /** A KPI tile: what it counts, the figure, and whether it is of the period or of now. */
    @TemplateData
    public record Kpi(String name, String figure, String scope, String tone) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String from, @RestQuery String to) {
        SignedInUser user = supervisorOrAdmin();
        Period.Result asked = Period.parse(from, to);
        CockpitFigures figures = new CockpitFigures(cases, mediators, calls, taxonomy, asked.period(), user);
        Map<String, Object> counts = cases.counts();
        List<ChartTable> charts = Arrays.stream(CockpitChart.values()).map(c -> c.table(figures)).toList();
        return cockpit.data("user", user).data("period", asked.period())
                .data("periodProblem", asked.problem().orElse(null))
                .data("kpis", kpis(figures.total(), counts))
                .data("overdue", cases.overdue(null))
                .data("escalationDays", ESCALATION_DAYS)
                .data("escalations", cases.escalations(null, ESCALATION_DAYS).stream()
                        .map(Cockpit::asTimelineEvent).toList())
                .data("dueSoon", cases.list(null, null, null, null, "DUE_SOON", null, "deadline", 0, DUE_SOON_SHOWN)
                        .get("items"))
                .data("charts", charts)
                .data("offersAvailable", figures.offersAvailable());
    }

    /** One chart's table as CSV for Excel, for the same period as the page. */
    @GET
    @Path("/{chart}.csv")
    public Response csv(@RestPath String chart, @RestQuery String from, @RestQuery String to) {
        SignedInUser user = supervisorOrAdmin();
        CockpitChart which = CockpitChart.byId(chart).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Period.Result asked = Period.parse(from, to);
        if (asked.problem().isPresent()) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain; charset=UTF-8")
                    .entity(asked.problem().get()).build();
        }
        Period period = asked.period();
        ChartTable table = which.table(new CockpitFigures(cases, mediators, calls, taxonomy, period, user));
        String name = which.id + "_" + period.from() + "_" + period.to() + ".csv";
        String chineseName = URLEncoder.encode(which.title + "_" + period.from() + "_" + period.to() + ".csv",
                StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(table.csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + chineseName)
                .build();
    }

    /** An escalation carries its event's detail, which the timeline's words read as they read the event's. */
    private static Map<String, Object> asTimelineEvent(Map<String, Object> escalation) {
        Map<String, Object> event = new java.util.HashMap<>(escalation);
        event.put("type", "ESCALATED");
        return event;
    }

    private SignedInUser supervisorOrAdmin() {
        return currentUser.requireAnyOf(SignedInUser.SUPERVISOR, SignedInUser.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static List<Kpi> kpis(Map<String, Object> total, Map<String, Object> counts) {
        Map<String, Object> bySla = (Map<String, Object>) counts.get("bySla");
        return List.of(
                new Kpi("案件总数", ChartTable.Unit.COUNT.text(total.get("cases")), "统计期间受理", "plain"),
                new Kpi("已超期", ChartTable.Unit.COUNT.text(bySla.get("OVERDUE")), "当前在办", "danger"),
                new Kpi("即将到期", ChartTable.Unit.COUNT.text(bySla.get("DUE_SOON")), "当前在办", "warn"),
                new Kpi("调解成功率", ChartTable.Unit.PERCENT.text(total.get("resolutionRate")), "统计期间已办结案件",
                        "plain"),
                new Kpi("按期办结率", ChartTable.Unit.PERCENT.text(total.get("onTimeRate")), "统计期间已办结案件",
                        "plain"),
                new Kpi("满意度", satisfaction(total), "统计期间，满分 5 分", "plain"));
    }

    private static String satisfaction(Map<String, Object> total) {
        Object mean = total.get("meanSatisfaction");
        return mean == null ? "—" : ChartTable.Unit.SCORE.text(mean) + " 分";
    }
}
