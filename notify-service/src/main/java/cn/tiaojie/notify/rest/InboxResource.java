package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.service.inbox.Inbox;
import cn.tiaojie.notify.service.inbox.InboxEvents;
import cn.tiaojie.notify.service.scope.Recipients;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The caller's own notices: a mediator's offers and hearing notices, a resident's notices on their case. */
@Path("/api/inbox")
public class InboxResource {

    public record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {
    }

    private final Caller caller;
    private final Inbox inbox;
    private final InboxEvents events;
    private final Duration streamLifetime;

    InboxResource(Caller caller, Inbox inbox, InboxEvents events, NotifyConfig config) {
        this.caller = caller;
        this.inbox = inbox;
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
        Multi<OutboundSseEvent> notices = events.of(me).map(InboxItem::of).map(item -> sse.newEventBuilder()
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
    public InboxPage inbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Inbox.Listed listed = inbox.page(me(), page, size);
        return new InboxPage(listed.notices().stream().map(InboxItem::of).toList(), page, size, listed.total(),
                listed.unread());
    }

    /** The recipient opened this notice; marking it again changes nothing. Someone else's notice is 404. */
    @POST
    @Path("/{id}/read")
    @RolesAllowed({Claims.MEDIATOR, Claims.RESIDENT})
    public InboxItem read(@PathParam("id") UUID id) {
        return InboxItem.of(inbox.read(me(), id));
    }
}
