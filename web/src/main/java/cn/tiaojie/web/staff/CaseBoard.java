package cn.tiaojie.web.staff;

import cn.tiaojie.web.client.CaseApi;
import cn.tiaojie.web.client.ConcurrentCalls;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 案件列表: the cases of the user's center (staff) or jurisdiction (supervisors), filtered, searched, sorted and
 * paged by case-service. A change of filter redraws only the results (htmx); without script the form still works.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CaseBoard {

    static final int PAGE_SIZE = 20;

    private final CaseApi cases;
    private final ConcurrentCalls calls;
    private final CurrentUser currentUser;
    private final Template board;

    CaseBoard(@RestClient CaseApi cases, ConcurrentCalls calls, CurrentUser currentUser,
            @Location("staff/board") Template board) {
        this.cases = cases;
        this.calls = calls;
        this.currentUser = currentUser;
        this.board = board;
    }

    /** The filters as the board's form and links carry them. */
    @TemplateData
    public record Filters(String status, String level, String category, String channel, String sla, String text,
            String sort) {

        /** The query string of these filters on another page, for the pager's links. */
        public String query(int page) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("status", status);
            params.put("level", level);
            params.put("category", category);
            params.put("channel", channel);
            params.put("sla", sla);
            params.put("text", text);
            params.put("sort", sort);
            StringBuilder query = new StringBuilder("?page=").append(page);
            params.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    query.append('&').append(name).append('=')
                            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    @GET
    public TemplateInstance board(@RestQuery String status, @RestQuery String level, @RestQuery String category,
            @RestQuery String channel, @RestQuery String sla, @RestQuery String text, @RestQuery String sort,
            @RestQuery Integer page) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.STAFF, SignedInUser.SUPERVISOR, SignedInUser.ADMIN);
        Filters filters = new Filters(blankToNull(status), blankToNull(level), blankToNull(category),
                blankToNull(channel), blankToNull(sla), blankToNull(text), blankToNull(sort));
        int pageIndex = page == null || page < 1 ? 0 : page - 1;
        var counts = calls.start(cases::counts);
        Map<String, Object> result = cases.list(filters.status(), filters.level(), filters.category(),
                filters.channel(), filters.sla(), filters.text(), filters.sort(), pageIndex, PAGE_SIZE);
        long total = ((Number) result.get("total")).longValue();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        // htmx swaps in the results of the whole page it receives: one template, with or without script
        return board.data("user", user).data("filters", filters).data("items", result.get("items"))
                .data("total", total).data("page", pageIndex + 1).data("pages", pages)
                .data("previous", pageIndex > 0 ? "/cases" + filters.query(pageIndex) : null)
                .data("next", pageIndex + 1 < pages ? "/cases" + filters.query(pageIndex + 2) : null)
                .data("counts", counts.join());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
