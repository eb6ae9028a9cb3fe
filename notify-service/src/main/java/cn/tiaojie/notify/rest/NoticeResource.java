package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.notify.service.Notices;
import cn.tiaojie.notify.service.delivery.DeliveryReports;
import cn.tiaojie.notify.service.proof.PaperServices;
import cn.tiaojie.notify.service.scope.NoticeScope;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
    private final Notices notices;
    private final DeliveryReports reports;
    private final PaperServices paperServices;

    NoticeResource(Caller caller, Notices notices, DeliveryReports reports, PaperServices paperServices) {
        this.caller = caller;
        this.notices = notices;
        this.reports = reports;
        this.paperServices = paperServices;
    }

    /** 送达回证 as PDF: the notice, each channel's delivery and the recipient's confirmation. */
    @GET
    @Path("/{id}/proof.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    public Response proofOfService(@PathParam("id") UUID id) {
        byte[] pdf = notices.proofOfServicePdf(scope(), id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"proof-of-service-" + id + ".pdf\"").build();
    }

    /** The notice to print and serve by hand, with its 送达回证 slip for signatures, date and the server's name. */
    @GET
    @Path("/{id}/paper.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public Response paperForm(@PathParam("id") UUID id) {
        return Response.ok(notices.paperServicePdf(scope(), id), "application/pdf")
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
        notices.readable(scope(), id);
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
        return Response.status(201).entity(view(id)).build();
    }

    /** The photo or scan of the signed slip of a notice served on paper. */
    @GET
    @Path("/{id}/paper-service/slip")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @APIResponse(responseCode = "200", description = "the slip as it was uploaded, in the type its bytes show",
            content = @Content(mediaType = "application/octet-stream"))
    public Response paperSlip(@PathParam("id") UUID id) {
        Notices.Slip slip = notices.slip(scope(), id);
        return Response.ok(slip.bytes(), slip.contentType()).header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"slip-" + id + "\"").build();
    }

    private NoticeView view(UUID id) {
        return NoticeView.of(notices.details(id));
    }

    /** The mail system reports the notice's e-mail bounced: it is FAILED and an SMS follows (or paper). */
    @POST
    @Path("/{id}/email-bounce")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Claims.SERVICE, Claims.ADMIN, Claims.STAFF})
    public NoticeView emailBounced(@PathParam("id") UUID id, @Valid @NotNull Bounce bounce) {
        if (!caller.is(Claims.SERVICE)) {
            notices.readable(scope(), id);
        }
        reports.emailBounced(id, bounce.reason());
        return view(id);
    }

    /**
     * Notices within the caller's scope, newest first, optionally of one case, one recipient, with a delivery in one
     * state, flagged for paper delivery, or (un)confirmed: {@code paperDelivery=true&unconfirmed=true} is the list
     * of paper services still to do.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    public NoticePage list(@QueryParam("caseId") String caseId, @QueryParam("recipientId") String recipientId,
            @QueryParam("state") String state, @QueryParam("paperDelivery") Boolean paperDelivery,
            @QueryParam("unconfirmed") Boolean unconfirmed,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Notices.Filter filter = new Notices.Filter(caseId, recipientId,
                state == null || state.isBlank() ? null : deliveryState(state), paperDelivery, unconfirmed);
        Notices.Listed listed = notices.list(scope(), filter, page, size);
        return new NoticePage(listed.notices().stream()
                .map(n -> NoticeView.of(n, listed.deliveries().getOrDefault(n.id, List.of()), null)).toList(),
                page, size, listed.total());
    }

    /** One notice with its deliveries, within the caller's scope (404 otherwise). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    public NoticeView get(@PathParam("id") UUID id) {
        return NoticeView.of(notices.details(scope(), id));
    }

    private NoticeScope scope() {
        return NoticeScope.of(caller);
    }

    private static DeliveryState deliveryState(String state) {
        try {
            return DeliveryState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of " + Arrays.toString(DeliveryState.values()));
        }
    }
}
