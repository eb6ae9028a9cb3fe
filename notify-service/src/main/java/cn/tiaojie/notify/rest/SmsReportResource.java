package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.link.NoticeLinks;
import cn.tiaojie.notify.service.DeliveryReports;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Delivery reports from the SMS gateway (its StatusCallback). The address is signed for one delivery, so only
 * the gateway that was given it can report on it.
 */
@Path("/hooks/sms/{token}")
@PermitAll
public class SmsReportResource {

    private final NoticeLinks links;
    private final DeliveryReports reports;

    SmsReportResource(NoticeLinks links, DeliveryReports reports) {
        this.links = links;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("token") String token, @FormParam("MessageStatus") String status,
            @FormParam("ErrorMessage") String error) {
        UUID deliveryId = links.checkSmsReport(token)
                .orElseThrow(() -> new ProblemException(404, "Not found", "this report address is not valid"));
        if (status == null || status.isBlank()) {
            throw ProblemException.badRequest("MessageStatus", "is required");
        }
        switch (status) {
            case "delivered" -> reports.delivered(deliveryId);
            case "undelivered", "failed" -> reports.failed(deliveryId,
                    "the SMS gateway reported " + status + (error == null ? "" : ": " + error));
            default -> {
                // queued, sending, sent: nothing to record beyond SENT
            }
        }
        return Response.noContent().build();
    }
}
