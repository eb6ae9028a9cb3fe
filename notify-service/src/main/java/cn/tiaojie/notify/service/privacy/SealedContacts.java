package cn.tiaojie.notify.service.privacy;

import cn.tiaojie.platform.privacy.PersonalDataCipher;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recipients' phone numbers and e-mail addresses are sealed at rest (AES-GCM, platform PersonalDataCipher, keys
 * from tiaojie.privacy.*) and opened only in memory, to send and to mask. A value stored before sealing was
 * introduced is read as it is.
 */
@ApplicationScoped
public class SealedContacts {

    public static final String PHONE = "notice.phone";
    public static final String EMAIL = "notice.email";

    static PersonalDataCipher current() {
        return Arc.container().instance(PersonalDataCipher.class).get();
    }

    public static String seal(String field, String plain) {
        return plain == null ? null : current().encrypt(field, plain);
    }

    public static String open(String field, String stored) {
        return stored == null || !PersonalDataCipher.isSealed(stored) ? stored : current().decrypt(field, stored);
    }
}
