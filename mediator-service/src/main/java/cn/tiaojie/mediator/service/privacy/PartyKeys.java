package cn.tiaojie.mediator.service.privacy;

import cn.tiaojie.mediator.config.MatchingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the conflict rules recognise one person or organisation across cases: names compared without spaces and with
 * ASCII brackets (the same as the database's generated organization_key), ID numbers and phones compared as keyed
 * hashes so the raw numbers are never stored here.
 */
@ApplicationScoped
public class PartyKeys {

    private final SecretKeySpec key;

    PartyKeys(MatchingConfig config) {
        this.key = new SecretKeySpec(config.identityKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** 青溪建工（集团） 有限公司 → 青溪建工(集团)有限公司; null stays null. */
    public static String nameKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.replaceAll("[\\s\u3000]+", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    public String idNumberHash(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        String normalized = Normalizer.normalize(idNumber, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
        return hmac("id:" + normalized);
    }

    /** Digits only, without the +86 country code, so 138 1234 5678 and +8613812345678 are one phone. */
    public String phoneHash(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : hmac("phone:" + digits);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
