package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.DeliveryState;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/notices")
public class NoticeResource {

    public record NoticePage(List<NoticeView> items, int page, int size, long total) {
    }

    private final Caller caller;

    NoticeResource(Caller caller) {
        this.caller = caller;
    }

    /** Notices newest first, optionally of one case, one recipient, or with a delivery in one state. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public NoticePage list(@QueryParam("caseId") String caseId, @QueryParam("recipientId") String recipientId,
            @QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (caseId != null && !caseId.isBlank()) {
            where.append(" and caseId = :caseId");
            params.put("caseId", caseId);
        }
        if (recipientId != null && !recipientId.isBlank()) {
            where.append(" and recipientId = :recipientId");
            params.put("recipientId", recipientId);
        }
        if (state != null && !state.isBlank()) {
            where.append(" and id in (select d.noticeId from Delivery d where d.state = :state)");
            params.put("state", deliveryState(state));
        }
        PanacheQuery<Notice> query = Notice.find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size));
        List<Notice> notices = query.list();
        Map<UUID, List<Delivery>> deliveries = notices.isEmpty() ? Map.of()
                : Delivery.<Delivery>list("noticeId in ?1", Sort.ascending("channel"),
                        notices.stream().map(n -> n.id).toList())
                        .stream().collect(Collectors.groupingBy(d -> d.noticeId));
        return new NoticePage(notices.stream().map(n -> NoticeView.of(n, deliveries.getOrDefault(n.id, List.of())))
                .toList(), page, size, query.count());
    }

    /** One notice with its deliveries; a mediator or resident sees only their own (404 otherwise). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public NoticeView get(@PathParam("id") UUID id) {
        Notice notice = Notice.findById(id);
        if (notice == null || !mayRead(notice)) {
            throw ProblemException.notFound("notice", id);
        }
        return NoticeView.of(notice, Delivery.list("noticeId", Sort.ascending("channel"), id));
    }

    private boolean mayRead(Notice notice) {
        if (caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN)) {
            return true;
        }
        return Recipients.of(caller).filter(r -> r.owns(notice)).isPresent();
    }

    private static DeliveryState deliveryState(String state) {
        try {
            return DeliveryState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of " + Arrays.toString(DeliveryState.values()));
        }
    }
}
