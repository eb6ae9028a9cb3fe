package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.service.Recipients;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The caller's own notices: a mediator's offers and hearing notices, a resident's notices on their case. */
@Path("/api/inbox")
public class InboxResource {

    public record InboxPage(List<InboxItem> items, int page, int size, long total) {
    }

    private final Caller caller;

    InboxResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public InboxPage inbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Recipients.Recipient me = Recipients.of(caller).orElseThrow(() -> ProblemException.forbidden(
                "your token names no mediatorId (mediators) or partyId (residents)"));
        PanacheQuery<Notice> query = Notice.find("recipientKind = ?1 and recipientId = ?2",
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), me.kind(), me.id())
                .page(Page.of(page, size));
        return new InboxPage(query.list().stream().map(InboxItem::of).toList(), page, size, query.count());
    }
}
