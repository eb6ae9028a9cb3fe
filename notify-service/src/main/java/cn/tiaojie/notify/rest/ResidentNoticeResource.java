package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.NoticeRating;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.model.SummonsAnswer;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.notify.service.proof.EvaluationRatings;
import cn.tiaojie.notify.service.proof.ProofOfService;
import cn.tiaojie.notify.service.proof.ResidentPages;
import cn.tiaojie.notify.service.proof.SummonsAnswers;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A resident's notice behind its signed, expiring link (no login): the page shows the notice, and confirming
 * receipt records the proof of service. The link opens exactly one notice.
 */
@Path("/n/{token}")
@PermitAll
public class ResidentNoticeResource {

    /** The answer to a confirmation. */
    public record AckView(UUID noticeId, Instant acknowledgedAt, String channel, boolean firstConfirmation) {
    }

    /** The answer to a rating: the one kept, which is the first one given. */
    public record RatingView(UUID noticeId, int score, String comment, Instant ratedAt, boolean firstRating) {
    }

    /** The answer to a summons: the one kept, which is the first one given. */
    public record AnswerView(UUID noticeId, String response, String attendee, Instant arrivesAt, String note,
            Instant answeredAt, boolean firstAnswer) {
    }

    /** The five answers of the rating form, best first, in the words residents read. */
    private static final Map<Integer, String> SCORE_WORDS = new LinkedHashMap<>();

    static {
        SCORE_WORDS.put(5, "非常满意");
        SCORE_WORDS.put(4, "满意");
        SCORE_WORDS.put(3, "一般");
        SCORE_WORDS.put(2, "不满意");
        SCORE_WORDS.put(1, "很不满意");
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NoticeLinks links;
    private final ProofOfService proof;
    private final EvaluationRatings ratings;
    private final SummonsAnswers summonsAnswers;
    private final ResidentPages pages;
    private final Template page;
    /** the path of the links' base URL (empty, or a prefix a proxy adds), so the page's form posts to its own link */
    private final String basePath;

    ResidentNoticeResource(NoticeLinks links, ProofOfService proof, EvaluationRatings ratings,
            SummonsAnswers summonsAnswers, ResidentPages pages, @Location("resident/notice.html") Template page, NotifyConfig config) {
        this.links = links;
        this.proof = proof;
        this.ratings = ratings;
        this.summonsAnswers = summonsAnswers;
        this.pages = pages;
        this.page = page;
        String path = config.links().baseUrl().getRawPath();
        this.basePath = path == null ? "" : path.replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        NoticeLinks.Checked checked = links.checkNotice(token);
        if (checked.verdict() == NoticeLinks.Verdict.VALID) {
            proof.opened(checked.scope().noticeId(), checked.scope().channel(), Instant.now());
        }
        return page(token, checked, 200, null);
    }

    private Response page(String token, NoticeLinks.Checked checked, int status, String formError) {
        if (checked.verdict() == NoticeLinks.Verdict.INVALID) {
            return problemPage(404, "链接无效", "请核对短信或邮件中的链接，或联系调解中心。");
        }
        if (checked.verdict() == NoticeLinks.Verdict.EXPIRED) {
            return problemPage(410, "链接已过期", "本通知的链接已过有效期，请联系调解中心。");
        }
        ResidentPages.Page shown = pages.of(checked.scope().noticeId());
        if (shown == null) {
            return problemPage(404, "通知不存在", "请联系调解中心。");
        }
        Notice notice = shown.notice();
        Receipt receipt = shown.receipt();
        NoticeRating rating = shown.rating();
        SummonsAnswer answer = shown.answer();
        // every value is HTML-escaped by Qute (the template is .html); the page has no script, so a strict CSP holds
        String html = page.data("problem", null).data("problemDetail", null)
                .data("title", notice.title).data("body", notice.body).data("ackAction", pageOf(token) + "/ack")
                .data("acknowledgedAt", receipt == null ? null : shown(receipt.acknowledgedAt))
                .data("asksForRating", EvaluationRatings.asksForRating(notice))
                .data("rateAction", pageOf(token) + "/rating").data("scores", SCORE_WORDS.entrySet())
                .data("formError", formError)
                .data("asksForAnswer", SummonsAnswers.asksForAnswer(notice))
                .data("answerAction", pageOf(token) + "/summons-answer")
                .data("answered", answer == null ? null : answered(answer))
                .data("ratedAt", rating == null ? null : shown(rating.ratedAt))
                .data("ratedWords", rating == null ? null : SCORE_WORDS.get((int) rating.score))
                .render();
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /**
     * Confirms receipt. A browser that posted the page's form (it asks for {@code text/html}) is sent back to the
     * page, which then shows the confirmation (303 See Other); any other caller gets the confirmation as JSON.
     */
    @POST
    @Path("/ack")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "receipt confirmed (or confirmed before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AckView.class)))
    @APIResponse(responseCode = "303", description = "a browser's form post: back to the page")
    public Response acknowledge(@PathParam("token") String token, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Accept") String accept, @Context HttpServerRequest request) {
        NoticeLinks.Checked checked = checkedForAction(token);
        ProofOfService.Acknowledged ack = proof.acknowledge(checked.scope().noticeId(), checked.scope().channel(),
                clientAddress(request), userAgent);
        if (ack == null) {
            throw ProblemException.notFound("notice", checked.scope().noticeId());
        }
        if (fromBrowser(accept)) {
            return backToPage(token);
        }
        return Response.ok(new AckView(ack.receipt().noticeId, ack.receipt().acknowledgedAt,
                ack.receipt().channel.name(), ack.first())).build();
    }

    /**
     * Rates the mediation from an evaluation invitation's page (one rating per invitation; it also confirms
     * receipt). A browser's form post goes back to the page (303), or gets the page with what is missing (400).
     */
    @POST
    @Path("/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @APIResponse(responseCode = "201", description = "the rating is kept (or the first one was, before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "303", description = "a browser's form post: back to the page")
    @APIResponse(responseCode = "400", description = "no score, or one out of 1–5, or a comment too long; a browser "
            + "gets the page saying what is missing")
    public Response rate(@PathParam("token") String token, @FormParam("score") String score,
            @FormParam("comment") String comment, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Accept") String accept, @Context HttpServerRequest request) {
        boolean browser = fromBrowser(accept);
        NoticeLinks.Checked checked = checkedForAction(token);
        Integer chosen = score == null || !score.matches("[1-5]") ? null : Integer.valueOf(score);
        if (browser && chosen == null) {
            return page(token, checked, 400, "请选择您对本次调解的满意程度。");
        }
        EvaluationRatings.Rated rated = ratings.rate(checked.scope().noticeId(), checked.scope().channel(), chosen,
                comment, clientAddress(request), userAgent);
        if (rated == null) {
            throw ProblemException.notFound("notice", checked.scope().noticeId());
        }
        if (browser) {
            return backToPage(token);
        }
        NoticeRating r = rated.rating();
        return Response.status(201).entity(new RatingView(r.noticeId, r.score, r.comment, r.ratedAt, rated.first()))
                .build();
    }

    /** The link's scope, for a post; an invalid link is 404, an expired one 410. */
    private NoticeLinks.Checked checkedForAction(String token) {
        NoticeLinks.Checked checked = links.checkNotice(token);
        if (checked.verdict() == NoticeLinks.Verdict.INVALID) {
            throw new ProblemException(404, "Not found", "this link is not valid");
        }
        if (checked.verdict() == NoticeLinks.Verdict.EXPIRED) {
            throw new ProblemException(410, "Gone", "this link expired at " + checked.scope().expiresAt());
        }
        return checked;
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String shown(Instant at) {
        return at.atZone(CHINA).format(SHOWN);
    }

    /**
     * A summoned department's answer from its summons' page: 报到 ({@code response=REPORTED}, {@code attendee},
     * {@code arrivesAt}) or {@code DECLINED} with a {@code note}. A browser goes back to the page (303), or gets the
     * page saying what is missing (400); other callers the answer kept (201).
     */
    @POST
    @Path("/summons-answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @APIResponse(responseCode = "201", description = "the answer is kept (or the first one was, before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "303", description = "a browser's form post: back to the page")
    @APIResponse(responseCode = "400", description = "what the answer lacks; a browser gets the page saying so")
    public Response answerSummons(@PathParam("token") String token, @FormParam("response") String response,
            @FormParam("attendee") String attendee, @FormParam("arrivesAt") String arrivesAt,
            @FormParam("note") String note, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Accept") String accept, @Context HttpServerRequest request) {
        boolean browser = fromBrowser(accept);
        NoticeLinks.Checked checked = checkedForAction(token);
        SummonsAnswers.Answered answered;
        try {
            answered = summonsAnswers.answer(checked.scope().noticeId(), checked.scope().channel(), response,
                    attendee, FormTimes.parse("arrivesAt", arrivesAt), note, clientAddress(request), userAgent,
                    Instant.now());
        } catch (ProblemException e) {
            if (browser && e.problem().status() == 400) {
                return page(token, checked, 400, "请填写完整：报到请写明报到人员和报到时间，不能报到请说明原因。");
            }
            throw e;
        }
        if (answered == null) {
            throw ProblemException.notFound("notice", checked.scope().noticeId());
        }
        if (browser) {
            return backToPage(token);
        }
        SummonsAnswer a = answered.answer();
        return Response.status(201).entity(new AnswerView(a.noticeId, a.response, a.attendee, a.arrivesAt, a.note,
                a.answeredAt, answered.first())).build();
    }

    private static String answered(SummonsAnswer a) {
        return a.response.equals("REPORTED")
                ? "贵单位已于 " + shown(a.answeredAt) + " 答复报到：" + a.attendee + "，" + shown(a.arrivesAt) + " 到达。"
                : "贵单位已于 " + shown(a.answeredAt) + " 答复不能报到：" + a.note;
    }

    /** A browser posting the page's form asks for the page back ({@code text/html}); other callers want JSON. */
    private static boolean fromBrowser(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML);
    }

    /** A browser's form post, done: back to the page, which shows what was recorded (303 See Other). */
    private Response backToPage(String token) {
        return Response.seeOther(URI.create(pageOf(token))).header("Cache-Control", "no-store").build();
    }

    /** The page's own path; the token is a checked link token (URL-safe base64 and dots), so it needs no escaping. */
    private String pageOf(String token) {
        return basePath + "/n/" + token;
    }

    private Response problemPage(int status, String problem, String detail) {
        String html = page.data("problem", problem).data("problemDetail", detail).data("title", problem)
                .data("body", null).data("acknowledgedAt", null).data("asksForRating", false)
                .data("asksForAnswer", false).render();
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
