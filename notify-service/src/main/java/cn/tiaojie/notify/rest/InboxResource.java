package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.NotifyConfig;
import cn.tiaojie.notify.service.Recipients;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.Map;

/** The caller's own notices: a mediator's offers and hearing notices, a resident's notices on their case. */
@Path("/api/inbox")
public class InboxResource {

    public record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {
    }

    private final Caller caller;
    private final InboxEvents events;
    private final Duration streamLifetime;

    InboxResource(Caller caller, InboxEvents events, NotifyConfig config) {
        this.caller = caller;
        this.events = events;
        this.streamLifetime = config.inbox().streamLifetime();
    }

    /**
     * Server-sent events: a {@code ready} event as soon as the stream is open, then a {@code notice} event (the
     * inbox item as JSON) for each of the caller's notices as the in-app channel sends it. The stream ends after
     * {@code inbox.stream-lifetime}; the client reconnects.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Claims.MEDIATOR, Claims.RESIDENT})
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Recipients.Recipient me = me();
        Multi<OutboundSseEvent> notices = events.of(me).map(item -> sse.newEventBuilder()
                .name("notice").id(item.id().toString()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(InboxItem.class, item).build());
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(sse.newEventBuilder().name("ready").data("ready").build()), notices)
                .select().first(streamLifetime);
    }

    private Recipients.Recipient me() {
        return Recipients.of(caller).orElseThrow(() -> ProblemException.forbidden(
                "your token names no mediatorId (mediators) or partyId (residents)"));
    }

    @GET
    @RolesAllowed({Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public InboxPage inbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Recipients.Recipient me = me();
        Map<String, Object> params = new HashMap<>();
        PanacheQuery<Notice> query = Notice.find(me.condition(params),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
        long unread = Notice.count(me.condition(params) + " and readAt is null", params);
        return new InboxPage(query.list().stream().map(InboxItem::of).toList(), page, size, query.count(), unread);
    }

    /** The recipient opened this notice; marking it again changes nothing. Someone else's notice is 404. */
    @POST
    @Path("/{id}/read")
    @RolesAllowed({Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public InboxItem read(@PathParam("id") UUID id) {
        Recipients.Recipient me = me();
        Notice notice = Notice.findById(id);
        if (notice == null || !me.owns(notice)) {
            throw ProblemException.notFound("notice", id);
        }
        if (notice.readAt == null) {
            // as the database keeps it (microseconds), so this answer and later reads agree
            notice.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return InboxItem.of(notice);
    }
}
