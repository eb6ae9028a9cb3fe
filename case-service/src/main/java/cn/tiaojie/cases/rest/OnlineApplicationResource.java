package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.service.intake.DuplicateDisputeException;
import cn.tiaojie.cases.service.online.OneTimeCodes;
import cn.tiaojie.cases.service.online.OnlineApplication;
import cn.tiaojie.cases.service.online.OnlineApplications;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 网上申请调解, open to anyone (the web form calls it for the resident): a center's contact, a one-time code by
 * SMS, and the application that the code verifies. The client's address is the one the proxy in front reports
 * (quarkus.http.proxy.*), so codes are counted per resident, not per web server.
 */
@Path("/api/online")
@PermitAll
public class OnlineApplicationResource {

    public record CodeRequest(@NotBlank @Size(max = 30) String centerCode, @NotBlank @Size(max = 30) String phone) {
    }

    public record CodeSent(String sentTo, Instant expiresAt) {
    }

    public record ApplicationRequest(
            @NotBlank @Size(max = 30) String centerCode,
            @NotBlank @Size(max = 30) String phone,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits of the code") String code,
            @NotBlank @Size(max = 80) String subcategory,
            @NotBlank @Size(max = 2000) String whatHappened,
            @Size(max = 200) String place,
            @DecimalMin("0") BigDecimal amount,
            @NotBlank @Size(max = 100) String applicantName,
            @NotBlank @Size(max = 100) String otherSideName,
            @Size(max = 30) String otherSidePhone) {
    }

    public record Application(UUID id, String caseNo, String status, boolean replayed) {
    }

    private final OnlineApplications applications;

    OnlineApplicationResource(OnlineApplications applications) {
        this.applications = applications;
    }

    @GET
    @Path("/centers/{code}")
    public OnlineApplications.CenterContact center(@PathParam("code") String code) {
        return applications.center(code);
    }

    @POST
    @Path("/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendCode(@NotNull @Valid CodeRequest request, @Context HttpServerRequest http) {
        OneTimeCodes.Sent sent = applications.sendCode(request.centerCode(), request.phone(), clientAddress(http));
        return Response.accepted(new CodeSent(sent.maskedPhone(), sent.expiresAt())).build();
    }

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@NotNull @Valid ApplicationRequest r) {
        OnlineApplications.Applied applied;
        try {
            applied = applications.apply(new OnlineApplication(r.centerCode(), r.phone(), r.code(), r.subcategory(),
                    r.whatHappened(), r.place(), r.amount(), r.applicantName(), r.otherSideName(), r.otherSidePhone()));
        } catch (DuplicateDisputeException e) {
            // the same applicant and other side with the same kind of dispute within 30 days: their earlier case
            throw new ProblemException(409, "Conflict", "this dispute was applied for already as "
                    + e.existing().caseNo, List.of(new Problem.FieldError("caseNo", e.existing().caseNo)));
        }
        Application body = new Application(applied.disputeCase().id, applied.disputeCase().caseNo,
                applied.disputeCase().status.name(), applied.replayed());
        return Response.status(applied.replayed() ? 200 : 201).entity(body).build();
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
    }
}
