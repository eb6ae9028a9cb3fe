package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.NotifyApi;
import cn.tiaojie.web.session.CurrentUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** 消息: the mediator's in-app messages (offers, hearing notices, reminders) as notify-service keeps them, newest first. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    private static final int PAGE_SIZE = 20;

    private final NotifyApi notices;
    private final CurrentUser currentUser;
    private final Template page;

    InboxPage(@RestClient NotifyApi notices, CurrentUser currentUser, @Location("mediator/inbox") Template page) {
        this.notices = notices;
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
                .data("pager", new Pager(index, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    }
}
