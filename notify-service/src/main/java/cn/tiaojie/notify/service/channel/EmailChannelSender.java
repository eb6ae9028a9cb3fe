package cn.tiaojie.notify.service.channel;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.document.NoticeTexts;
import cn.tiaojie.notify.service.link.NoticeLinks;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * E-mail through Quarkus Mailer to the configured SMTP server. A hearing notice (and a rescheduled one) carries the
 * notice as PDF; when the sender put the hearing's calendar text in {@code fields["ics"]} it is attached as an
 * .ics invitation. An SMTP 5xx answer is a bounce (permanent); other failures are retried.
 */
@ApplicationScoped
public class EmailChannelSender implements ChannelSender {

    private static final Set<NoticeKind> WITH_PDF = Set.of(NoticeKind.HEARING_NOTICE, NoticeKind.HEARING_RESCHEDULED);

    private final Mailer mailer;
    private final NoticeTexts texts;
    private final NoticeLinks links;

    EmailChannelSender(Mailer mailer, NoticeTexts texts, NoticeLinks links) {
        this.mailer = mailer;
        this.texts = texts;
        this.links = links;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(Notice notice, Delivery delivery) throws Exception {
        if (notice.email == null || notice.email.isBlank()) {
            throw new PermanentFailure("the recipient has no e-mail address");
        }
        String messageId = "<" + delivery.id + "@notify.tiaojie>";
        Mail mail = Mail.withText(notice.email, notice.title,
                        texts.email(notice, links.noticeUrl(notice.id, Channel.EMAIL, notice.createdAt)))
                .addHeader("Message-ID", messageId);
        if (WITH_PDF.contains(notice.kind)) {
            mail.addAttachment(fileName(notice, "pdf"), texts.noticePdf(notice), "application/pdf");
        }
        String ics = notice.fields == null ? null : notice.fields.get("ics");
        if (ics != null && !ics.isBlank()) {
            mail.addAttachment(fileName(notice, "ics"), ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + calendarMethod(ics));
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpFailure(e);
            if (smtp != null && smtp.isPermanent()) {
                throw new PermanentFailure("SMTP refused the message: " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
            }
            throw e;
        }
        return messageId;
    }

    private static String fileName(Notice notice, String extension) {
        String base = switch (notice.kind) {
            case HEARING_NOTICE -> "调解通知书";
            case HEARING_RESCHEDULED -> "调解会改期通知";
            case HEARING_CANCELLED -> "调解会取消通知";
            default -> "通知";
        };
        return base + (notice.caseNo == null ? "" : "-" + notice.caseNo) + "." + extension;
    }

    /** REQUEST or CANCEL, as the calendar text says; REQUEST when it says nothing. */
    static String calendarMethod(String ics) {
        for (String line : ics.split("\\R")) {
            if (line.toUpperCase(Locale.ROOT).startsWith("METHOD:")) {
                return line.substring("METHOD:".length()).strip();
            }
        }
        return "REQUEST";
    }

    private static SMTPException smtpFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
