package cn.tiaojie.notify.service.inbox;

import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.scope.Recipients;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A mediator's or a resident's own notices, newest first, and which of them they opened. */
@ApplicationScoped
public class Inbox {

    /** One page of the recipient's notices, how many there are in all and how many are unread. */
    public record Listed(List<Notice> notices, long total, long unread) {
    }

    @Transactional
    public Listed page(Recipients.Recipient me, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        PanacheQuery<Notice> query = Notice.find(me.condition(params),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
        long unread = Notice.count(me.condition(params) + " and readAt is null", params);
        return new Listed(query.list(), query.count(), unread);
    }

    /** The recipient opened this notice; marking it again changes nothing. Someone else's notice is 404. */
    @Transactional
    public Notice read(Recipients.Recipient me, UUID id) {
        Notice notice = Notice.findById(id);
        if (notice == null || !me.owns(notice)) {
            throw ProblemException.notFound("notice", id);
        }
        if (notice.readAt == null) {
            // as the database keeps it (microseconds), so this answer and later reads agree
            notice.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return notice;
    }
}
