package cn.tiaojie.scheduling.service.privacy;

import cn.tiaojie.platform.privacy.PersonalDataCipher;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A hearing's stored request holds the parties' and mediators' names, phones and e-mail addresses: it is sealed
 * whole at rest (AES-256-GCM, platform PersonalDataCipher, keys from tiaojie.privacy.*) and opened only in memory.
 *
 * <p>The sealed form is the cipher's text {@code pd1.<keyId>.<…>} of the request's base64, as ASCII bytes. A request
 * stored before sealing is its plain protobuf encoding, which can never begin with those bytes: protobuf writes
 * fields in number order, so it begins with the tag of message_id (0x0A) or case_id (0x12), both always set.
 */
@ApplicationScoped
public class SealedRequests {

    public static final String FIELD = "hearing.request";
    private static final byte[] SEALED_MARK = PersonalDataCipher.PREFIX.getBytes(StandardCharsets.US_ASCII);

    static PersonalDataCipher current() {
        return Arc.container().instance(PersonalDataCipher.class).get();
    }

    /** The stored form of a request's bytes, sealed under the active key; null stays null. */
    public static byte[] seal(byte[] plain) {
        if (plain == null) {
            return null;
        }
        return current().encrypt(FIELD, Base64.getEncoder().encodeToString(plain)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The request's bytes from their stored form, sealed or (stored before sealing) plain; null stays null. */
    public static byte[] open(byte[] stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        return Base64.getDecoder().decode(current().decrypt(FIELD, new String(stored, StandardCharsets.US_ASCII)));
    }

    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > SEALED_MARK.length
                && Arrays.equals(stored, 0, SEALED_MARK.length, SEALED_MARK, 0, SEALED_MARK.length);
    }

    /** The first bytes of every value sealed under the active key: what a stored request lacks when it needs sealing. */
    public static byte[] activePrefix() {
        return current().activePrefix().getBytes(StandardCharsets.US_ASCII);
    }
}
