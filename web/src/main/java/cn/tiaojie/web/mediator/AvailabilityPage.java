package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.ui.Formats;
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
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 我的时间: the mediator's weekly hours and time away, which matching and scheduling read. mediator-service lets a
 * mediator change only their own; every change is one call with their token.
 */
@Path("/my/availability")
@Produces(MediaType.TEXT_HTML)
public class AvailabilityPage {

    /** Time ranges a day's row offers: a morning and an afternoon, or as many as the day already has. */
    private static final int SLOTS_SHOWN = 2;
    private static final int MAX_SLOTS = 8;
    private static final List<String> AWAY_KINDS = List.of("LEAVE", "COURT_DAY", "TRAINING", "OTHER");
    private static final Map<String, String> DONE = Map.of("hours", "已保存每周可调解时间。", "away", "已登记不可安排的时间。",
            "removed", "已删除该时段。");

    private final MediatorApi mediators;
    private final CurrentUser currentUser;
    private final Template page;

    AvailabilityPage(@RestClient MediatorApi mediators, CurrentUser currentUser,
            @Location("mediator/availability") Template page) {
        this.mediators = mediators;
        this.currentUser = currentUser;
        this.page = page;
    }

    /** One time range of the weekly form, its inputs named {@code MONDAY-0-starts} and {@code MONDAY-0-ends}. */
    @TemplateData
    public record Slot(String key, String starts, String ends, String error) {
    }

    @TemplateData
    public record DayRow(String day, String name, List<Slot> slots) {
    }

    /** What the page says and what it keeps typed after a refused change. */
    record Outcome(String message, String kind, List<DayRow> week, MultivaluedMap<String, String> away,
            Map<String, String> awayErrors) {
    }

    @GET
    public TemplateInstance show(@RestQuery String done) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        return render(me, new Outcome(DONE.get(done == null ? "" : done), "ok", null, null, Map.of()));
    }

    @POST
    @Path("/hours")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object saveHours(MultivaluedMap<String, String> form) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        List<Map<String, Object>> hours = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int i = 0; i < MAX_SLOTS; i++) {
                String key = day.name() + "-" + i;
                String starts = text(form, key + "-starts");
                String ends = text(form, key + "-ends");
                if (starts != null || ends != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("day", day.name());
                    entry.put("starts", starts);
                    entry.put("ends", ends);
                    hours.add(entry);
                    keys.add(key);
                }
            }
        }
        try {
            mediators.replaceWeeklyHours(me.id(), Map.of("hours", hours));
            return Response.seeOther(URI.create("/my/availability?done=hours")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            // the service names a refused range by its place in the list sent: hours[3] → the row it came from
            Map<String, String> errors = new LinkedHashMap<>();
            ProblemTexts.fieldErrors(problem).forEach((field, message) -> {
                int index = index(field);
                errors.put(index >= 0 && index < keys.size() ? keys.get(index) : "", message);
            });
            List<DayRow> week = week(slot -> form.containsKey(slot + "-starts")
                    ? new Slot(slot, value(form, slot + "-starts"), value(form, slot + "-ends"), errors.get(slot))
                    : null);
            return Response.status(400).entity(render(me, new Outcome(ProblemTexts.summary(problem), "error", week,
                    null, Map.of()))).build();
        }
    }

    @POST
    @Path("/away")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addAway(MultivaluedMap<String, String> form) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startsAt", instant(text(form, "startsAt")));
        body.put("endsAt", instant(text(form, "endsAt")));
        body.put("kind", text(form, "kind"));
        body.put("reason", text(form, "reason"));
        try {
            mediators.addUnavailability(me.id(), body);
            return Response.seeOther(URI.create("/my/availability?done=away")).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(render(me, new Outcome(ProblemTexts.summary(problem), "error", null,
                    form, ProblemTexts.fieldErrors(problem)))).build();
        }
    }

    @POST
    @Path("/away/{unavailabilityId}/remove")
    public Response removeAway(@PathParam("unavailabilityId") String unavailabilityId) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        mediators.removeUnavailability(me.id(), unavailabilityId);
        return Response.seeOther(URI.create("/my/availability?done=removed")).build();
    }

    private TemplateInstance render(SignedInMediator me, Outcome outcome) {
        List<DayRow> week = outcome.week() != null ? outcome.week() : weekOf(mediators.weeklyHours(me.id()));
        MultivaluedMap<String, String> away = outcome.away();
        return page.data("user", me.user()).data("week", week).data("away", mediators.unavailability(me.id()))
                .data("kinds", AWAY_KINDS).data("message", outcome.message()).data("kind", outcome.kind())
                .data("typed", Map.of("startsAt", value(away, "startsAt"), "endsAt", value(away, "endsAt"),
                        "kind", value(away, "kind"), "reason", value(away, "reason")))
                .data("awayErrors", outcome.awayErrors());
    }

    /** The weekly pattern as the service keeps it, laid into the form's rows. */
    private static List<DayRow> weekOf(List<Map<String, Object>> hours) {
        Map<String, Map<String, Object>> bySlot = new LinkedHashMap<>();
        for (Map<String, Object> entry : hours) {
            String day = String.valueOf(entry.get("day"));
            int i = 0;
            while (bySlot.containsKey(day + "-" + i)) {
                i++;
            }
            bySlot.put(day + "-" + i, entry);
        }
        return week(slot -> {
            Map<String, Object> entry = bySlot.get(slot);
            return entry == null ? null
                    : new Slot(slot, Formats.clock(entry.get("starts")), Formats.clock(entry.get("ends")), null);
        });
    }

    /** The seven rows, each with the slots {@code slotOf} knows (null: none) and blank ones up to SLOTS_SHOWN. */
    private static List<DayRow> week(java.util.function.Function<String, Slot> slotOf) {
        List<DayRow> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < MAX_SLOTS; i++) {
                String key = day.name() + "-" + i;
                Slot slot = slotOf.apply(key);
                if (slot != null) {
                    slots.add(slot);
                } else if (i < SLOTS_SHOWN) {
                    slots.add(new Slot(key, "", "", null));
                }
            }
            rows.add(new DayRow(day.name(), Labels.weekday(day.name()), slots));
        }
        return rows;
    }

    /** A datetime-local input (Beijing time) as the API's instant; what was typed if it is no date-time. */
    private static String instant(String local) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(Formats.CHINA).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static int index(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("hours\\[(\\d+)]").matcher(field);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form == null ? null : form.getFirst(name);
        return value == null ? "" : value;
    }
}
