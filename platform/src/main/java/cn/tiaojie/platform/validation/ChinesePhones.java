package cn.tiaojie.platform.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Phone numbers of the mainland Chinese numbering plan, checked by libphonenumber. */
public final class ChinesePhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ChinesePhones() {
    }

    /**
     * Recent answers: a request's numbers are checked by bean validation on the I/O thread and normalised again by
     * the code that stores them on a worker thread, moments later, and parsing is the costly part. Kept small (the
     * numbers of the requests in flight, not a directory of residents' numbers): emptied when full.
     */
    private static final int REMEMBERED = 256;
    private static final Map<String, Optional<String>> RECENT = new ConcurrentHashMap<>();

    /** A valid mobile or fixed-line number in national digits, e.g. 13812345678 or 057188886666; empty if invalid. */
    public static Optional<String> normalise(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 30) {
            return Optional.empty();
        }
        Optional<String> known = RECENT.get(phone);
        if (known != null) {
            return known;
        }
        Optional<String> answer = parse(phone);
        if (RECENT.size() >= REMEMBERED) {
            RECENT.clear();
        }
        RECENT.put(phone, answer);
        return answer;
    }

    private static Optional<String> parse(String phone) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, "CN");
            if (number.getCountryCode() != 86 || !PHONES.isValidNumberForRegion(number, "CN")) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", ""));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
