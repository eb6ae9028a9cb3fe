package cn.tiaojie.notify.service.link;

import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.model.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links without login: a resident's link to one notice ({@code /n/{token}}), and the SMS gateway's
 * delivery-report address for one delivery ({@code /hooks/sms/{token}}). A token is the id, the channel and the
 * expiry, with an HMAC-SHA256 over them and the token's purpose, so a report address cannot open a notice.
 */
@ApplicationScoped
public class NoticeLinks {

    /** What a valid notice link names. */
    public record Scope(UUID noticeId, Channel channel, Instant expiresAt) {
    }

    public enum Verdict { VALID, EXPIRED, INVALID }

    public record Checked(Verdict verdict, Scope scope) {
    }

    private static final int MAC_BYTES = 16;
    private static final Instant REPORTS_NEVER_EXPIRE = Instant.parse("9999-12-31T23:59:59Z");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final NotifyConfig.Links config;
    private final byte[] key;

    NoticeLinks(NotifyConfig config) {
        this.config = config.links();
        this.key = this.config.secret().getBytes(StandardCharsets.UTF_8);
        if (key.length < 16) {
            throw new IllegalStateException("tiaojie.notify.links.secret must be at least 16 characters");
        }
    }

    /** The resident's page of a notice sent on {@code channel}; the same link on every retry. */
    public String noticeUrl(UUID noticeId, Channel channel, Instant noticeCreatedAt) {
        return base() + "/n/" + token("notice", noticeId, channel, noticeCreatedAt.plus(config.ttl()));
    }

    /** Where the SMS gateway reports what became of one delivery. */
    public String smsReportUrl(UUID deliveryId) {
        return base() + "/hooks/sms/" + token("sms-report", deliveryId, Channel.SMS, REPORTS_NEVER_EXPIRE);
    }

    public Checked checkNotice(String token) {
        return check("notice", token, Instant.now());
    }

    public Optional<UUID> checkSmsReport(String token) {
        Checked checked = check("sms-report", token, Instant.now());
        return checked.verdict() == Verdict.VALID ? Optional.of(checked.scope().noticeId()) : Optional.empty();
    }

    Checked check(String purpose, String token, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return new Checked(Verdict.INVALID, null);
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            mac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Checked(Verdict.INVALID, null);
        }
        if (payload.length != 25 || !MessageDigest.isEqual(mac, mac(purpose, payload))) {
            return new Checked(Verdict.INVALID, null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        int channel = buffer.get();
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (channel < 0 || channel >= Channel.values().length) {
            return new Checked(Verdict.INVALID, null);
        }
        Scope scope = new Scope(id, Channel.values()[channel], expiresAt);
        return new Checked(now.isAfter(expiresAt) ? Verdict.EXPIRED : Verdict.VALID, scope);
    }

    String token(String purpose, UUID id, Channel channel, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(25).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).put((byte) channel.ordinal())
                .putLong(expiresAt.getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(purpose, payload));
    }

    private byte[] mac(String purpose, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(purpose.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private String base() {
        String base = config.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An offer's page in the mediators' workbench; {@code respond} (accept, decline) opens its answer, or null. */
    public String offerUrl(String offerId, String respond) {
        return mediatorWorkbenchUrl() + "/offers/" + offerId + (respond == null ? "" : "?respond=" + respond);
    }

    public String mediatorWorkbenchUrl() {
        String base = config.mediatorWorkbenchUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
