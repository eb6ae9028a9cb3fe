package cn.tiaojie.notify.service;

import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.service.document.NoticeTexts;
import cn.tiaojie.notify.service.scope.NoticeScope;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notices as their readers see them: one with its deliveries, receipt and paper service, a page of them, and the
 * documents printed from them. A notice outside the reader's scope is answered as one that does not exist (404).
 */
@ApplicationScoped
public class Notices {

    /** A notice with its deliveries (by channel), its receipt and its paper service (each null when none). */
    public record Details(Notice notice, List<Delivery> deliveries, Receipt receipt, PaperService paperService) {
    }

    /** What a list is narrowed to; a null or blank value narrows nothing. */
    public record Filter(String caseId, String recipientId, DeliveryState state, Boolean paperDelivery,
            Boolean unconfirmed) {
    }

    /** One page of notices, each one's deliveries, and how many notices there are in all. */
    public record Listed(List<Notice> notices, Map<UUID, List<Delivery>> deliveries, long total) {
    }

    /** The photo or scan of a signed paper-service slip, in the type its bytes show. */
    public record Slip(byte[] bytes, String contentType) {
    }

    private final NoticeTexts texts;

    Notices(NoticeTexts texts) {
        this.texts = texts;
    }

    /** The notice if {@code scope} may read it; 404 alike for a notice that does not exist and one out of scope. */
    @Transactional
    public Notice readable(NoticeScope scope, UUID id) {
        Notice notice = Notice.findById(id);
        if (notice == null || !scope.permits(notice)) {
            throw ProblemException.notFound("notice", id);
        }
        return notice;
    }

    /** The notice within {@code scope}, with its deliveries, receipt and paper service. */
    @Transactional
    public Details details(NoticeScope scope, UUID id) {
        readable(scope, id);
        return details(id);
    }

    /** The notice with its deliveries, receipt and paper service; 404 when it does not exist. */
    @Transactional
    public Details details(UUID id) {
        Notice notice = Notice.findById(id);
        if (notice == null) {
            throw ProblemException.notFound("notice", id);
        }
        return new Details(notice, Delivery.list("noticeId", Sort.ascending("channel"), id), Receipt.findById(id),
                PaperService.findById(id));
    }

    /** Notices within {@code scope}, newest first, narrowed by {@code filter}. */
    @Transactional
    public Listed list(NoticeScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.condition(params));
        if (filter.caseId() != null && !filter.caseId().isBlank()) {
            where.append(" and caseId = :caseId");
            params.put("caseId", filter.caseId());
        }
        if (filter.recipientId() != null && !filter.recipientId().isBlank()) {
            where.append(" and recipientId = :recipientId");
            params.put("recipientId", filter.recipientId());
        }
        if (filter.state() != null) {
            where.append(" and id in (select d.noticeId from Delivery d where d.state = :state)");
            params.put("state", filter.state());
        }
        if (filter.paperDelivery() != null) {
            where.append(" and paperDeliveryRequired = :paper");
            params.put("paper", filter.paperDelivery());
        }
        if (filter.unconfirmed() != null) {
            where.append(filter.unconfirmed() ? " and acknowledgedAt is null" : " and acknowledgedAt is not null");
        }
        PanacheQuery<Notice> query = Notice.find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size));
        List<Notice> notices = query.list();
        Map<UUID, List<Delivery>> deliveries = notices.isEmpty() ? Map.of()
                : Delivery.<Delivery>list("noticeId in ?1", Sort.ascending("channel"),
                        notices.stream().map(n -> n.id).toList())
                        .stream().collect(Collectors.groupingBy(d -> d.noticeId));
        return new Listed(notices, deliveries, query.count());
    }

    /** 送达回证 as PDF: the notice, each channel's delivery and the recipient's confirmation. */
    @Transactional
    public byte[] proofOfServicePdf(NoticeScope scope, UUID id) {
        Details details = details(scope, id);
        return texts.proofOfServicePdf(details.notice(), details.deliveries(), details.receipt(),
                details.paperService());
    }

    /** The notice to print and serve by hand, with its 送达回证 slip. */
    @Transactional
    public byte[] paperServicePdf(NoticeScope scope, UUID id) {
        return texts.paperServicePdf(readable(scope, id));
    }

    /** The signed slip of a notice served on paper; 404 when it was not served on paper. */
    @Transactional
    public Slip slip(NoticeScope scope, UUID id) {
        readable(scope, id);
        PaperService paper = PaperService.findById(id);
        if (paper == null) {
            throw new ProblemException(404, "Not found", "notice " + id + " has not been served on paper");
        }
        return new Slip(paper.slip, paper.slipContentType);
    }
}
