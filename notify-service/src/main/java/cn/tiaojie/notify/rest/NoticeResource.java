package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.DeliveryState;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.PaperService;
import cn.tiaojie.notify.Receipt;
import cn.tiaojie.notify.service.DeliveryReports;
import cn.tiaojie.notify.service.NoticeTexts;
import cn.tiaojie.notify.service.PaperServices;
import cn.tiaojie.notify.scope.NoticeScope;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/notices")
public class NoticeResource {

    public record NoticePage(List<NoticeView> items, int page, int size, long total) {
    }

    /** A bounce the mail system reported for the notice's e-mail. */
    public record Bounce(@NotBlank @Size(max = 500)
            @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*",
                    message = "must not contain control characters other than tabs and line breaks") String reason) {
    }

    private final Caller caller;
    private final NoticeTexts texts;
    private final DeliveryReports reports;
    private final PaperServices paperServices;

    NoticeResource(Caller caller, NoticeTexts texts, DeliveryReports reports, PaperServices paperServices) {
        this.caller = caller;
        this.texts = texts;
        this.reports = reports;
        this.paperServices = paperServices;
    }

    /** 送达回证 as PDF: the notice, each channel's delivery and the recipient's confirmation. */
    @GET
    @Path("/{id}/proof.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public Response proofOfService(@PathParam("id") UUID id) {
        Notice notice = readable(id);
        byte[] pdf = texts.proofOfServicePdf(notice, Delivery.list("noticeId", Sort.ascending("channel"), id),
                Receipt.findById(id), PaperService.findById(id));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"proof-of-service-" + id + ".pdf\"").build();
    }

    /** The notice to print and serve by hand, with its 送达回证 slip for signatures, date and the server's name. */
    @GET
    @Path("/{id}/paper.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public Response paperForm(@PathParam("id") UUID id) {
        Notice notice = readable(id);
        return Response.ok(texts.paperServicePdf(notice), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"paper-service-" + id + ".pdf\"").build();
    }

    /**
     * Records the notice served by hand (纸质送达): multipart with {@code servedBy}, {@code servedAt} (ISO date-time;
     * without an offset, Beijing time), {@code place}, {@code receivedBy} and {@code relation}, or {@code refused}
     * with a {@code witness} (留置送达), and {@code slip}, the photo or scan of the signed slip.
     */
    @POST
    @Path("/{id}/paper-service")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @APIResponse(responseCode = "201", description = "recorded; the notice counts as served at the slip's time")
    public Response recordPaperService(@PathParam("id") UUID id, @RestForm String servedBy, @RestForm String servedAt,
            @RestForm String place, @RestForm String receivedBy, @RestForm String relation,
            @RestForm @DefaultValue("false") String refused, @RestForm String witness, @RestForm("slip") FileUpload slip)
            throws IOException {
        QuarkusTransaction.requiringNew().run(() -> readable(id));
        if (!refused.equals("true") && !refused.equals("false")) {
            throw ProblemException.badRequest("refused", "must be true or false");
        }
        if (slip != null && slip.size() > PaperServices.MAX_SLIP_BYTES) {
            throw ProblemException.badRequest("slip", "must be at most 5 MB");
        }
        byte[] bytes = slip == null ? null : Files.readAllBytes(slip.uploadedFile());
        PaperServices.Served served = new PaperServices.Served(servedBy, FormTimes.parse("servedAt", servedAt), place, receivedBy,
                relation, Boolean.parseBoolean(refused), witness);
        PaperService recorded = paperServices.record(id, served, bytes, caller.subject(), Instant.now());
        if (recorded == null) {
            throw ProblemException.notFound("notice", id);
        }
        return Response.status(201).entity(QuarkusTransaction.requiringNew().call(() -> view(id))).build();
    }

    /** The photo or scan of the signed slip of a notice served on paper. */
    @GET
    @Path("/{id}/paper-service/slip")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    @APIResponse(responseCode = "200", description = "the slip as it was uploaded, in the type its bytes show",
            content = @Content(mediaType = "application/octet-stream"))
    public Response paperSlip(@PathParam("id") UUID id) {
        readable(id);
        PaperService paper = PaperService.findById(id);
        if (paper == null) {
            throw new ProblemException(404, "Not found", "notice " + id + " has not been served on paper");
        }
        return Response.ok(paper.slip, paper.slipContentType).header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"slip-" + id + "\"").build();
    }

    private static NoticeView view(UUID id) {
        return NoticeView.of(Notice.findById(id), Delivery.list("noticeId", Sort.ascending("channel"), id),
                Receipt.findById(id), PaperService.findById(id));
    }

    /** The mail system reports the notice's e-mail bounced: it is FAILED and an SMS follows (or paper). */
    @POST
    @Path("/{id}/email-bounce")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Claims.SERVICE, Claims.ADMIN, Claims.STAFF})
    public NoticeView emailBounced(@PathParam("id") UUID id, @Valid @NotNull Bounce bounce) {
        if (!caller.is(Claims.SERVICE)) {
            QuarkusTransaction.requiringNew().run(() -> readable(id));
        }
        reports.emailBounced(id, bounce.reason());
        return QuarkusTransaction.requiringNew().call(() -> view(id));
    }

    /**
     * Notices within the caller's scope, newest first, optionally of one case, one recipient, with a delivery in one
     * state, flagged for paper delivery, or (un)confirmed: {@code paperDelivery=true&unconfirmed=true} is the list
     * of paper services still to do.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public NoticePage list(@QueryParam("caseId") String caseId, @QueryParam("recipientId") String recipientId,
            @QueryParam("state") String state, @QueryParam("paperDelivery") Boolean paperDelivery,
            @QueryParam("unconfirmed") Boolean unconfirmed,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(NoticeScope.of(caller).condition(params));
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
        if (paperDelivery != null) {
            where.append(" and paperDeliveryRequired = :paper");
            params.put("paper", paperDelivery);
        }
        if (unconfirmed != null) {
            where.append(unconfirmed ? " and acknowledgedAt is null" : " and acknowledgedAt is not null");
        }
        PanacheQuery<Notice> query = Notice.find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size));
        List<Notice> notices = query.list();
        Map<UUID, List<Delivery>> deliveries = notices.isEmpty() ? Map.of()
                : Delivery.<Delivery>list("noticeId in ?1", Sort.ascending("channel"),
                        notices.stream().map(n -> n.id).toList())
                        .stream().collect(Collectors.groupingBy(d -> d.noticeId));
        return new NoticePage(notices.stream().map(n -> NoticeView.of(n, deliveries.getOrDefault(n.id, List.of()), null))
                .toList(), page, size, query.count());
    }

    /** One notice with its deliveries, within the caller's scope (404 otherwise). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public NoticeView get(@PathParam("id") UUID id) {
        readable(id);
        return view(id);
    }

    /** The notice if the caller may read it; 404 alike for a notice that does not exist and one out of scope. */
    private Notice readable(UUID id) {
        Notice notice = Notice.findById(id);
        if (notice == null || !NoticeScope.of(caller).permits(notice)) {
            throw ProblemException.notFound("notice", id);
        }
        return notice;
    }

    private static DeliveryState deliveryState(String state) {
        try {
            return DeliveryState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of " + Arrays.toString(DeliveryState.values()));
        }
    }
}
