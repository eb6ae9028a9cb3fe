package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.ui.Formats;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 待接受的指派: the places matching (or staff) offered the signed-in mediator, to accept in one tap or decline with
 * a reason. {@code /offers/{id}} is the address the offer's SMS and e-mail link to (notify-service adds
 * {@code ?respond=accept|decline}); nothing is answered by opening it, only by the tap that follows.
 */
@Path("/offers")
@Produces(MediaType.TEXT_HTML)
public class OffersPage {

    /** The reasons most declines give, offered as one tap each; any other is typed. */
    static final List<String> DECLINE_REASONS = List.of("与当事人有利害关系", "时间冲突", "不熟悉此类纠纷", "身体原因");

    private final MediatorApi mediators;
    private final CurrentUser currentUser;
    private final Template list;
    private final Template page;

    OffersPage(@RestClient MediatorApi mediators, CurrentUser currentUser, @Location("mediator/offers") Template list,
            @Location("mediator/offer") Template page) {
        this.mediators = mediators;
        this.currentUser = currentUser;
        this.list = list;
        this.page = page;
    }

    @GET
    public TemplateInstance offers() {
        SignedInMediator me = SignedInMediator.of(currentUser);
        List<Map<String, Object>> open = mediators.offers("OFFERED").stream().map(this::withLevel).toList();
        return list.data("user", me.user()).data("offers", open).data("reasons", DECLINE_REASONS);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance offer(@PathParam("id") String id, @RestQuery String respond, @RestQuery String done) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        String message = "accept".equals(done) ? "您已接受指派。全部角色接受后将排定调解会，通知会发到“消息”。"
                : "decline".equals(done) ? "已谢绝，案件将转给下一位候选调解员。" : null;
        return render(me, id, message, "ok", respond, null);
    }

    @POST
    @Path("/{id}/accept")
    public Object accept(@PathParam("id") String id) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        return answer(me, id, "accept", () -> mediators.accept(id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decline(@PathParam("id") String id, @RestForm String reason, @RestForm String otherReason) {
        SignedInMediator me = SignedInMediator.of(currentUser);
        String given = otherReason != null && !otherReason.isBlank() ? otherReason.strip() : reason;
        if (given == null || given.isBlank()) {
            return Response.status(400)
                    .entity(render(me, id, "请选择或填写谢绝的理由。", "error", "decline", "请选择或填写谢绝的理由"))
                    .build();
        }
        return answer(me, id, "decline", () -> mediators.decline(id, Map.of("reason", given)));
    }

    /**
     * Answers the offer; if it was answered, expired or withdrawn meanwhile (409), or is gone (404), the page shows
     * what became of it instead of an error page.
     */
    private Object answer(SignedInMediator me, String id, String action, Runnable call) {
        try {
            call.run();
            return Response.seeOther(URI.create("/offers/" + id + "?done=" + action)).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 409 && !problem.isNotFound()) {
                throw problem;
            }
            String verb = "accept".equals(action) ? "接受" : "谢绝";
            String why = find(id).map(OffersPage::closedMessage).orElse(GONE);
            return Response.status(problem.status())
                    .entity(render(me, id, "未能" + verb + "：" + why, "warn", null, null)).build();
        }
    }

    private static final String GONE = "没有找到此指派：它可能已被撤回，或不是发给您的。";

    private TemplateInstance render(SignedInMediator me, String id, String message, String kind, String respond,
            String reasonError) {
        Map<String, Object> offer = find(id).map(this::withLevel).orElse(null);
        if (message == null && offer == null) {
            message = GONE;
            kind = "warn";
        } else if (message == null && !isOpen(offer)) {
            message = closedMessage(offer);
            kind = "warn";
        }
        return page.data("user", me.user()).data("o", offer).data("open", offer != null && isOpen(offer))
                .data("message", message).data("kind", kind).data("respond", respond == null ? "" : respond)
                .data("reasons", DECLINE_REASONS).data("reasonError", reasonError);
    }

    /** The API answers a mediator's offers as a list; one of them, if it is theirs. */
    private Optional<Map<String, Object>> find(String id) {
        return mediators.offers(null).stream().filter(o -> id.equals(o.get("id"))).findFirst();
    }

    /** The offer with its case's handling level, which only the team knows. */
    private Map<String, Object> withLevel(Map<String, Object> offer) {
        Map<String, Object> shown = new HashMap<>(offer);
        Object level = null;
        try {
            level = mediators.team(String.valueOf(offer.get("teamId"))).get("level");
        } catch (ApiProblem problem) {
            // a team the mediator may no longer read: the offer is shown without its level
        }
        shown.put("level", level);
        return shown;
    }

    private static boolean isOpen(Map<String, Object> offer) {
        Instant expires = Formats.instant(offer.get("expiresAt"));
        return "OFFERED".equals(offer.get("status")) && expires != null && expires.isAfter(Instant.now());
    }

    /** What became of an offer that can no longer be answered, in one sentence. */
    static String closedMessage(Map<String, Object> offer) {
        return switch (String.valueOf(offer.get("status"))) {
            case "ACCEPTED" -> "您已接受此指派，无需再答复。";
            case "DECLINED" -> "您已谢绝此指派，案件已转给其他调解员。";
            case "WITHDRAWN" -> "调解中心已撤回此指派，无需答复。";
            default -> "此指派已过答复期限，已转给其他调解员。";
        };
    }
}
