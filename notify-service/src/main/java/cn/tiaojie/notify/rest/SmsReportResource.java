package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.service.delivery.DeliveryReports;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Delivery reports from the SMS gateway (its StatusCallback). The address is signed for one delivery, so only
 * the gateway that was given it can report on it.
 */
@Path("/hooks/sms/{token}")
@PermitAll
public class SmsReportResource {

    /** the gateway's message states (Twilio's); anything else is not a report */
    private static final Set<String> STATES = Set.of("accepted", "scheduled", "queued", "sending", "sent",
            "delivered", "undelivered", "failed", "canceled", "read", "partially_delivered");
    private static final int MAX_ERROR = 500;

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
        if (!STATES.contains(status)) {
            throw ProblemException.badRequest("MessageStatus", "must be one of " + new TreeSet<>(STATES));
        }
        // U+FFFD stands where the form held bytes that were no UTF-8
        if (error != null && (error.length() > MAX_ERROR
                || error.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD'))) {
            throw ProblemException.badRequest("ErrorMessage",
                    "must be at most " + MAX_ERROR + " characters of UTF-8 text without control characters");
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
