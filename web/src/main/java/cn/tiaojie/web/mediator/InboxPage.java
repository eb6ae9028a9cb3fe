package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.InboxStreamApi;
import cn.tiaojie.web.client.NotifyApi;
import cn.tiaojie.web.session.CurrentUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** 消息: the mediator's in-app messages (offers, hearing notices, reminders) as notify-service keeps them, newest first. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    private static final int PAGE_SIZE = 20;

    private final NotifyApi notices;
    private final InboxStreamApi live;
    private final CurrentUser currentUser;
    private final Template page;

    InboxPage(@RestClient NotifyApi notices, @RestClient InboxStreamApi live, CurrentUser currentUser,
            @Location("mediator/inbox") Template page) {
        this.notices = notices;
        this.live = live;
        this.currentUser = currentUser;
        this.page = page;
    }

    /** Where a page of the inbox stands: {@code index} counts from 0 as the API does, {@code number} from 1. */
    @TemplateData
    public record Pager(int index, long pages) {

        public int number() {
            return index + 1;
        }

        public boolean hasPrevious() {
            return index > 0;
        }

        public boolean hasNext() {
            return index + 1 < pages;
        }

        public int previous() {
            return index - 1;
        }

        public int next() {
            return index + 1;
        }
    }

    @GET
    public TemplateInstance show(@RestQuery Integer page) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        int index = page == null || page < 0 ? 0 : page;
        Map<String, Object> answer = notices.inbox(index, PAGE_SIZE);
        long total = ((Number) answer.get("total")).longValue();
        return this.page.data("user", me.user()).data("items", answer.get("items")).data("total", total)
                .data("unread", answer.getOrDefault("unread", 0))
                .data("pager", new Pager(index, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** 标为已读: from the message's button, or from the page's script as the message is opened (204). */
    @POST
    @Path("/{id}/read")
    public Response markRead(@PathParam("id") String id, @RestForm Integer page,
            @HeaderParam("HX-Request") String fromScript) {
        SignedInMediator.of(currentUser);
        notices.markRead(id);
        if (fromScript != null) {
            return Response.noContent().build();
        }
        return Response.seeOther(URI.create("/inbox?page=" + (page == null || page < 0 ? 0 : page) + "#message-" + id))
                .build();
    }

    /**
     * The live inbox for the open page: a {@code notice} event (the notice's id) as each in-app notice is sent to
     * the mediator, relayed from notify-service's stream; the page's script then redraws the list. The stream ends
     * when notify-service's does, and the browser reconnects.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        return live.stream("Bearer " + me.user().accessToken())
                .filter(event -> "notice".equals(event.name()))
                .map(event -> sse.newEventBuilder().name("notice").id(event.id())
                        .data(event.id() == null ? "" : event.id()).build());
    }
}
