package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.client.SchedulingApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.staff.CaseFiles;
import cn.tiaojie.web.ui.Formats;
import cn.tiaojie.web.ui.Labels;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 我的案件 / 我的调解会: the teams the mediator accepted a place on, and their hearings as a week (Monday first, the
 * current week unless {@code ?week=} names another) and as a list, each with its .ics for the phone's calendar.
 */
@Path("/my/hearings")
@Produces(MediaType.TEXT_HTML)
public class MyHearingsPage {

    private static final int MAX_UPCOMING = 50;

    private final MediatorApi mediators;
    private final SchedulingApi scheduling;
    private final CurrentUser currentUser;
    private final Template page;

    MyHearingsPage(@RestClient MediatorApi mediators, @RestClient SchedulingApi scheduling, CurrentUser currentUser,
            @Location("mediator/hearings") Template page) {
        this.mediators = mediators;
        this.scheduling = scheduling;
        this.currentUser = currentUser;
        this.page = page;
    }

    /** One column of the week view. */
    @TemplateData
    public record Day(LocalDate date, String weekday, boolean today, List<Map<String, Object>> hearings) {

        public String shortDate() {
            return date.getMonthValue() + "/" + date.getDayOfMonth();
        }
    }

    /** A case the mediator is on: their accepted offer and the team as it stands. */
    @TemplateData
    public record MyCase(Map<String, Object> offer, Map<String, Object> team) {
    }

    @GET
    public TemplateInstance show(@RestQuery String week) {
        return render(week, null);
    }

    /**
     * 生成订阅地址: a new secret address for the phone's calendar app, shown this once (the service keeps only its
     * hash); the address before it stops working.
     */
    @POST
    @Path("/subscription")
    public TemplateInstance renewSubscription(@Context UriInfo uri) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        Map<String, Object> made = scheduling.renewCalendarSubscription(me.id());
        String address = uri.getBaseUriBuilder().path("calendar").path(made.get("token") + ".ics").build().toString();
        return render(null, address);
    }

    private TemplateInstance render(String week, String newAddress) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        LocalDate today = LocalDate.now(Formats.CHINA);
        LocalDate monday = monday(week, today);
        Instant weekStarts = monday.atStartOfDay(Formats.CHINA).toInstant();
        Instant weekEnds = monday.plusWeeks(1).atStartOfDay(Formats.CHINA).toInstant();
        List<Map<String, Object>> ofWeek = scheduling.hearingsOfMediator(me.id(), weekStarts.toString(),
                weekEnds.toString(), MAX_UPCOMING);
        // the list: the week shown and everything after today, each hearing once, earliest first
        Instant listFrom = weekStarts.isBefore(Instant.now()) ? weekStarts : Instant.now();
        List<Map<String, Object>> listed = scheduling.hearingsOfMediator(me.id(), listFrom.toString(), null,
                MAX_UPCOMING);
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new Day(date, Labels.weekday(date.getDayOfWeek()), date.equals(today), ofWeek.stream()
                    .filter(h -> date.equals(localDate(h.get("startsAt")))).toList()));
        }
        return page.data("user", me.user()).data("days", days).data("hearings", listed)
                .data("cases", myCases()).data("weekTitle", weekTitle(monday, today))
                .data("subscription", scheduling.calendarSubscription(me.id())).data("newAddress", newAddress)
                .data("webcalAddress", newAddress == null ? null : newAddress.replaceFirst("^https?://", "webcal://"))
                .data("prevWeek", monday.minusWeeks(1).toString()).data("nextWeek", monday.plusWeeks(1).toString())
                .data("thisWeek", monday.equals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
    }

    @GET
    @Path("/{id}.ics")
    public Response calendar(@PathParam("id") String id) {
        SignedInMediator.of(currentUser);
        return CaseFiles.download(scheduling.calendar(id), CaseFiles.CALENDAR_TYPE, "hearing-" + id + ".ics");
    }

    private List<MyCase> myCases() {
        Map<Object, MyCase> byTeam = new LinkedHashMap<>();
        for (Map<String, Object> offer : mediators.offers("ACCEPTED")) {
            Map<String, Object> team;
            try {
                team = mediators.team(String.valueOf(offer.get("teamId")));
            } catch (ApiProblem problem) {
                team = new HashMap<>(Map.of("status", "", "members", List.of()));
            }
            byTeam.putIfAbsent(offer.get("teamId"), new MyCase(offer, team));
        }
        return List.copyOf(byTeam.values());
    }

    /** The Monday of the week asked for (any date in it will do), or of this week. */
    static LocalDate monday(String week, LocalDate today) {
        LocalDate day = today;
        if (week != null && !week.isBlank()) {
            try {
                day = LocalDate.parse(week.strip());
            } catch (DateTimeParseException e) {
                day = today;
            }
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String weekTitle(LocalDate monday, LocalDate today) {
        String range = Formats.date(monday.toString()) + " – " + Formats.date(monday.plusDays(6).toString());
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.equals(thisMonday) ? "本周（" + range + "）" : range;
    }

    private static LocalDate localDate(Object iso) {
        Instant instant = Formats.instant(iso);
        return instant == null ? null : instant.atZone(Formats.CHINA).toLocalDate();
    }
}
