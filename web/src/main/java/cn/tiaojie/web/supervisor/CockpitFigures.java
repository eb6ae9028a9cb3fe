package cn.tiaojie.web.supervisor;

import cn.tiaojie.web.client.CaseApi;
import cn.tiaojie.web.client.ConcurrentCalls;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.Taxonomy;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.Labels;
import java.util.List;
import java.util.Map;

/**
 * The figures of one period behind the cockpit's charts, each asked of the services the first time a chart needs
 * it and then kept for the request: a CSV download asks only for its own chart's source.
 *
 * <p>/api/stats groups by category, level, channel, status or center but not by time, so the monthly series is one
 * call per calendar month (at most 12, {@link Period#MOST_MONTHS}), made side by side. Each is a single grouped query on case-service
 * answered in a few milliseconds, which keeps the page well under a second without a second statistics API.
 */
final class CockpitFigures {

    /** Where a chart's rows come from. */
    enum Source {
        MONTHS, CATEGORIES, ROLES
    }

    /** A row of a source: its label and the API's figures for it. */
    record Labelled(String label, Map<String, Object> figures) {
    }

    private final CaseApi cases;
    private final MediatorApi mediators;
    private final ConcurrentCalls calls;
    private final Taxonomy taxonomy;
    private final Period period;
    private final SignedInUser user;
    private List<Labelled> months;
    private Map<String, Object> byCategory;
    private List<Labelled> roles;

    CockpitFigures(CaseApi cases, MediatorApi mediators, ConcurrentCalls calls, Taxonomy taxonomy, Period period,
            SignedInUser user) {
        this.cases = cases;
        this.mediators = mediators;
        this.calls = calls;
        this.taxonomy = taxonomy;
        this.period = period;
        this.user = user;
    }

    List<Labelled> rows(Source source) {
        return switch (source) {
            case MONTHS -> months();
            case CATEGORIES -> categories();
            case ROLES -> roles();
        };
    }

    /** The whole period's figures (cases, rates, satisfaction), for the KPI tiles. */
    @SuppressWarnings("unchecked")
    Map<String, Object> total() {
        return (Map<String, Object>) byCategory().get("total");
    }

    /**
     * Offer figures are kept per area of the mediators: a supervisor's token names their area; an administrator's
     * names none, and mediator-service then needs one the cockpit does not ask for.
     */
    boolean offersAvailable() {
        return user.area().isPresent();
    }

    @SuppressWarnings("unchecked")
    private List<Labelled> months() {
        if (months == null) {
            // grouped by level: the smallest grouping; only the total row is read
            var asked = period.months().stream().map(month -> calls.start(() -> new Labelled(month.monthName(),
                    (Map<String, Object>) cases.stats(month.from().toString(), month.to().toString(), "level")
                            .get("total")))).toList();
            months = asked.stream().map(ConcurrentCalls.Pending::join).toList();
        }
        return months;
    }

    @SuppressWarnings("unchecked")
    private List<Labelled> categories() {
        return ((List<Map<String, Object>>) byCategory().get("groups")).stream()
                .map(group -> new Labelled(taxonomy.name(group.get("key")), group)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Labelled> roles() {
        if (roles == null) {
            roles = !offersAvailable() ? List.of()
                    : ((List<Map<String, Object>>) mediators.fairness(period.startInstant(), period.endInstant(), null, null)
                            .get("byRole")).stream()
                            .map(group -> new Labelled(Labels.role(group.get("role")), group)).toList();
        }
        return roles;
    }

    private Map<String, Object> byCategory() {
        if (byCategory == null) {
            byCategory = cases.stats(period.from().toString(), period.to().toString(), "category");
        }
        return byCategory;
    }
}
