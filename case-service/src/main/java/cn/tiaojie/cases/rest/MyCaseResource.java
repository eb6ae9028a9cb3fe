package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.service.online.MyCases;
import cn.tiaojie.cases.service.online.OneTimeCodes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * 我的案件 for residents, without an account (the web's resident pages call it): a sign-in code by SMS, the session it
 * opens, and the cases that session may see. The session travels in {@value #SESSION_HEADER}.
 */
@Path("/api/online/my-case")
@PermitAll
public class MyCaseResource {

    public static final String SESSION_HEADER = "X-Resident-Session";

    public record CodeRequest(@NotBlank @Size(max = 30) String phone) {
    }

    public record SignIn(@NotBlank @Size(max = 30) String phone,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits of the code") String code) {
    }

    public record Cases(List<MyCases.CaseItem> cases) {
    }

    private final MyCases myCases;

    MyCaseResource(MyCases myCases) {
        this.myCases = myCases;
    }

    @POST
    @Path("/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendCode(@NotNull @Valid CodeRequest request, @Context HttpServerRequest http) {
        OneTimeCodes.Sent sent = myCases.sendCode(request.phone(),
                http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress());
        return Response.accepted(new OnlineApplicationResource.CodeSent(sent.maskedPhone(), sent.expiresAt())).build();
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@NotNull @Valid SignIn request) {
        return Response.status(201).entity(myCases.signIn(request.phone(), request.code())).build();
    }

    @GET
    @Path("/cases")
    public Cases cases(@HeaderParam(SESSION_HEADER) String session) {
        return new Cases(myCases.cases(session));
    }

    @GET
    @Path("/cases/{id}")
    public MyCases.MyCase view(@HeaderParam(SESSION_HEADER) String session, @PathParam("id") UUID id) {
        return myCases.view(session, id);
    }
}
