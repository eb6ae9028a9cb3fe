package cn.tiaojie.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outside world of notices on one machine: a real SMTP server (GreenMail) and the SMS gateway simulator, both
 * on loopback. {@code GET /outbox} on the gateway's port lists what both received, for {@code ./tiaojie outbox}.
 */
public final class LocalChannels implements AutoCloseable {

    /** One e-mail as the SMTP server received it. */
    public record Mail(String to, String subject, String text, List<Attachment> attachments) {
    }

    public record Attachment(String fileName, String contentType, int size, byte[] content) {
    }

    private final GreenMail smtp;
    private final SmsGatewaySimulator sms;

    private LocalChannels(GreenMail smtp, SmsGatewaySimulator sms) {
        this.smtp = smtp;
        this.sms = sms;
    }

    /** Starts both on free loopback ports. */
    public static LocalChannels start() {
        GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        SmsGatewaySimulator sms;
        try {
            sms = SmsGatewaySimulator.start(0);
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
        LocalChannels channels = new LocalChannels(smtp, sms);
        sms.addContext("/outbox", channels::serveOutbox);
        return channels;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public SmsGatewaySimulator sms() {
        return sms;
    }

    /** Where {@code GET} answers the outbox listing as JSON. */
    public String outboxUrl() {
        return sms.baseUrl() + "/outbox";
    }

    /** The settings notify-service needs to send through these two. */
    public List<String> notifySystemProperties() {
        return List.of(
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + smtpPort(),
                "-Dquarkus.mailer.mock=false",
                "-Dtiaojie.notify.sms.base-url=" + sms.baseUrl(),
                "-Dtiaojie.notify.sms.account-sid=" + SmsGatewaySimulator.ACCOUNT_SID,
                "-Dtiaojie.notify.sms.auth-token=" + SmsGatewaySimulator.AUTH_TOKEN);
    }

    public List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                List<Attachment> attachments = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                collect(message, text, attachments);
                String to = message.getRecipients(Message.RecipientType.TO) == null ? ""
                        : message.getRecipients(Message.RecipientType.TO)[0].toString();
                mails.add(new Mail(to, message.getSubject(), text.toString(), attachments));
            } catch (MessagingException | IOException e) {
                mails.add(new Mail("?", "(unreadable: " + e.getMessage() + ")", "", List.of()));
            }
        }
        return mails;
    }

    private static void collect(Part part, StringBuilder text, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (part.getFileName() != null) {
            byte[] bytes = part.getInputStream().readAllBytes();
            attachments.add(new Attachment(decode(part.getFileName()), part.getContentType().split(";")[0].strip(),
                    bytes.length, bytes));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, attachments);
            }
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        }
    }

    private static String decode(String fileName) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(fileName);
        } catch (java.io.UnsupportedEncodingException e) {
            return fileName;
        }
    }

    /** The outbox as JSON: {"sms":[…],"mail":[…]}. */
    public String outboxJson() {
        StringBuilder json = new StringBuilder("{\"sms\":[");
        List<SmsGatewaySimulator.Sms> messages = sms.delivered();
        for (int i = 0; i < messages.size(); i++) {
            SmsGatewaySimulator.Sms m = messages.get(i);
            json.append(i == 0 ? "" : ",").append("{\"to\":").append(Json.string(m.to()))
                    .append(",\"receivedAt\":").append(Json.string(m.receivedAt().toString()))
                    .append(",\"body\":").append(Json.string(m.body())).append('}');
        }
        json.append("],\"mail\":[");
        List<Mail> mails = mails();
        for (int i = 0; i < mails.size(); i++) {
            Mail m = mails.get(i);
            json.append(i == 0 ? "" : ",").append("{\"to\":").append(Json.string(m.to()))
                    .append(",\"subject\":").append(Json.string(m.subject()))
                    .append(",\"text\":").append(Json.string(m.text())).append(",\"attachments\":[");
            for (int a = 0; a < m.attachments().size(); a++) {
                Attachment att = m.attachments().get(a);
                json.append(a == 0 ? "" : ",").append("{\"fileName\":").append(Json.string(att.fileName()))
                        .append(",\"contentType\":").append(Json.string(att.contentType()))
                        .append(",\"size\":").append(att.size()).append('}');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    private void serveOutbox(HttpExchange exchange) throws IOException {
        try (exchange) {
            SmsGatewaySimulator.respond(exchange, 200, outboxJson());
        }
    }


    @Override
    public void close() {
        sms.close();
        smtp.stop();
    }
}
