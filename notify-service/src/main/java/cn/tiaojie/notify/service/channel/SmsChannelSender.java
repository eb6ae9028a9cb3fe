package cn.tiaojie.notify.service.channel;

import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.document.NoticeTexts;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.platform.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SMS through an HTTP gateway speaking the Twilio Messages REST shape: {@code POST
 * {base-url}/2010-04-01/Accounts/{sid}/Messages.json}, basic auth, form fields To/From/Body/StatusCallback, and the
 * delivery's id as {@code Idempotency-Key} so a send repeated after a crash is not delivered twice. A 4xx answer
 * (other than 408/429) is permanent; 5xx, 408, 429 and I/O errors are retried.
 */
@ApplicationScoped
public class SmsChannelSender implements ChannelSender {

    private final NotifyConfig.Sms config;
    private final NoticeTexts texts;
    private final NoticeLinks links;
    private final ObjectMapper json;
    private final HttpClient http;

    SmsChannelSender(NotifyConfig config, NoticeTexts texts, NoticeLinks links, ObjectMapper json) {
        this.config = config.sms();
        this.texts = texts;
        this.links = links;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean available() {
        return config.baseUrl().isPresent();
    }

    /**
     * Where the SMS leads: a mediator's offer straight to its page in the workbench, where they sign in and answer;
     * every other notice to its signed page.
     */
    private String link(Notice notice) {
        String offerId = notice.fields.get("offerId");
        if (notice.recipientKind == RecipientKind.MEDIATOR && offerId != null && !offerId.isBlank()) {
            return links.offerUrl(offerId, null);
        }
        return links.noticeUrl(notice.id, Channel.SMS, notice.createdAt);
    }

    @Override
    public String send(Notice notice, Delivery delivery) throws Exception {
        if (notice.phone == null || notice.phone.isBlank()) {
            throw new PermanentFailure("the recipient has no phone number");
        }
        URI base = config.baseUrl().orElseThrow(() -> new PermanentFailure("no SMS gateway is configured"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", e164(notice.phone));
        form.put("From", config.from());
        form.put("Body", texts.sms(notice, link(notice)));
        if (config.statusCallbacks()) {
            form.put("StatusCallback", links.smsReportUrl(delivery.id));
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/2010-04-01/Accounts/" + config.accountSid()
                        + "/Messages.json"))
                .timeout(config.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("SMS gateway unreachable: " + e.getMessage(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode answer = json.readTree(response.body());
            return answer.path("sid").asText(null);
        }
        // the gateway may echo the number: the reason is shown in lists and logs, so it is masked there too
        String reason = ("SMS gateway answered " + status + " for " + Masking.phone(notice.phone) + ": "
                + gatewayMessage(response.body())).replace(form.get("To"), Masking.phone(notice.phone))
                .replace(notice.phone, Masking.phone(notice.phone));
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new PermanentFailure(reason);
        }
        throw new IOException(reason);
    }

    private String gatewayMessage(String body) {
        try {
            return json.readTree(body).path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    /** 13812345678 → +8613812345678; numbers already in international form stay as they are. */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        return digits.startsWith("+") ? digits : "+86" + digits;
    }
}
