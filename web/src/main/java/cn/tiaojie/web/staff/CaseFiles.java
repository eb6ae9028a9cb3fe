package cn.tiaojie.web.staff;

import cn.tiaojie.web.client.NotifyApi;
import cn.tiaojie.web.client.SchedulingApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Files of a case that the services render (a hearing's .ics, a notice's 送达回证 PDF), fetched with the user's
 * own token and handed to the browser as downloads.
 */
@Path("/")
public class CaseFiles {

    public static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8";

    private final SchedulingApi scheduling;
    private final NotifyApi notices;
    private final CurrentUser currentUser;

    CaseFiles(@RestClient SchedulingApi scheduling, @RestClient NotifyApi notices, CurrentUser currentUser) {
        this.scheduling = scheduling;
        this.notices = notices;
        this.currentUser = currentUser;
    }

    @GET
    @Path("cases/{caseId}/hearings/{id}.ics")
    public Response calendar(@PathParam("caseId") String caseId, @PathParam("id") String id) {
        currentUser.requireAnyOf(SignedInUser.STAFF, SignedInUser.SUPERVISOR, SignedInUser.ADMIN);
        return download(scheduling.calendar(id), CALENDAR_TYPE, "hearing-" + id + ".ics");
    }

    @GET
    @Path("notices/{id}/proof.pdf")
    public Response proofOfService(@PathParam("id") String id) {
        currentUser.requireAnyOf(SignedInUser.STAFF, SignedInUser.SUPERVISOR, SignedInUser.ADMIN);
        return download(notices.proofOfService(id), "application/pdf", "proof-of-service-" + id + ".pdf");
    }

    /** Content the browser saves as a file of that name rather than shows. */
    public static Response download(byte[] content, String type, String fileName) {
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
