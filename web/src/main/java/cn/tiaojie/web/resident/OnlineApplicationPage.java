package cn.tiaojie.web.resident;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.OnlineApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 网上申请调解: the resident's short guided form, without an account. "获取验证码" sends a code to the phone typed
 * (case-service counts them per number and per address); "提交申请" sends the form with the code and shows the case's
 * number, which also comes by SMS. Both are plain form posts, so the form works without script; everything typed
 * comes back with any message beside its field. A center's QR code (PNG, SVG) opens the form with it chosen.
 */
@Path("/apply")
@Produces(MediaType.TEXT_HTML)
public class OnlineApplicationPage {

    private final OnlineApi online;
    private final Template apply;
    private final Template applied;
    private final RoutingContext request;
    private final Optional<String> publicUrl;

    OnlineApplicationPage(@RestClient OnlineApi online, @Location("resident/apply") Template apply,
            @Location("resident/applied") Template applied, RoutingContext request,
            @ConfigProperty(name = "tiaojie.web.public-url") Optional<String> publicUrl) {
        this.online = online;
        this.apply = apply;
        this.applied = applied;
        this.request = request;
        this.publicUrl = publicUrl;
    }

    @GET
    public TemplateInstance form(@RestQuery String center) {
        Map<String, Object> contact = center(center);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("centerCode", center);
        return page(contact, values, Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : ApplicationTexts.FIELDS) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value.strip());
        }
        Map<String, Object> contact = center(values.get("centerCode"));
        if ("code".equals(form.getFirst("step"))) {
            return sendCode(contact, values);
        }
        Map<String, String> errors = ApplicationTexts.missing(values);
        Optional<PlainCategories.Choice> choice = PlainCategories.find(values.get("category"));
        BigDecimal amount = ApplicationTexts.amount(values.get("amount"));
        if (!values.get("amount").isEmpty() && amount == null) {
            errors.put("amount", ApplicationTexts.text("amount"));
        }
        if (!errors.isEmpty()) {
            return page(contact, values, errors, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("centerCode", values.get("centerCode"));
        body.put("phone", values.get("phone"));
        body.put("code", values.get("code"));
        body.put("subcategory", choice.orElseThrow().subcategory());
        body.put("whatHappened", values.get("whatHappened"));
        body.put("place", values.get("place"));
        body.put("amount", amount);
        body.put("applicantName", values.get("applicantName"));
        body.put("otherSideName", values.get("otherSideName"));
        body.put("otherSidePhone", values.get("otherSidePhone").isEmpty() ? null : values.get("otherSidePhone"));
        try {
            Map<String, Object> result = online.apply(resident(), body);
            return applied.data("center", contact).data("caseNo", result.get("caseNo"))
                    .data("phone", ApplicationTexts.masked(values.get("phone")))
                    .data("choice", choice.get().words());
        } catch (ApiProblem e) {
            if (e.status() >= 500) {
                throw e;
            }
            return page(contact, values, ApplicationTexts.refusal(e), null);
        }
    }

    private TemplateInstance sendCode(Map<String, Object> contact, Map<String, String> values) {
        if (values.get("phone").isEmpty()) {
            return page(contact, values, Map.of("phone", ApplicationTexts.text("phone")), null);
        }
        try {
            Map<String, Object> sent = online.sendCode(resident(), Map.of("centerCode", values.get("centerCode"),
                    "phone", values.get("phone")));
            return page(contact, values, Map.of(), "验证码已经用短信发到 " + sent.get("sentTo")
                    + "，5 分钟内有效。请把短信里的 6 位数字填在下面。");
        } catch (ApiProblem e) {
            if (e.status() >= 500) {
                throw e;
            }
            return page(contact, values, ApplicationTexts.refusal(e), null);
        }
    }

    /** The center's QR code as PNG: the form's address with the center chosen. */
    @GET
    @Path("/qr/{center}.png")
    @Produces("image/png")
    public Response qrPng(@PathParam("center") String center, UriInfo uri) {
        center(center);
        return Response.ok(QrCodes.png(formUrl(center, uri), 10)).header("Cache-Control", "public, max-age=86400")
                .header("Content-Disposition", "inline; filename=\"apply-" + center + ".png\"").build();
    }

    @GET
    @Path("/qr/{center}.svg")
    @Produces("image/svg+xml")
    public Response qrSvg(@PathParam("center") String center, UriInfo uri) {
        Map<String, Object> contact = center(center);
        return Response.ok(QrCodes.svg(formUrl(center, uri), "扫码申请调解：" + contact.get("name")))
                .header("Cache-Control", "public, max-age=86400").build();
    }

    private String formUrl(String center, UriInfo uri) {
        String base = publicUrl.orElse(uri.getBaseUri().toString());
        return (base.endsWith("/") ? base : base + "/") + "apply?center="
                + java.net.URLEncoder.encode(center, java.nio.charset.StandardCharsets.UTF_8);
    }

    private TemplateInstance page(Map<String, Object> contact, Map<String, String> values, Map<String, String> errors,
            String sent) {
        return apply.data("center", contact).data("values", values).data("errors", errors).data("sent", sent)
                .data("choices", PlainCategories.ALL).data("validFor", Duration.ofMinutes(5).toMinutes());
    }

    private Map<String, Object> center(String code) {
        if (code == null || code.isBlank() || !code.matches("[A-Za-z0-9-]{1,30}")) {
            throw new ApiProblem(404, "Not Found", "no center", java.util.List.of(), Map.of());
        }
        return online.center(code);
    }

    /** The resident's address as this application sees it (behind a proxy: what the proxy reported). */
    private String resident() {
        return request.request().remoteAddress() == null ? "" : request.request().remoteAddress().hostAddress();
    }
}
