package cn.tiaojie.platform.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers of the mainland Chinese numbering plan, checked by libphonenumber. */
public final class ChinesePhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ChinesePhones() {
    }

    /** A valid mobile or fixed-line number in national digits, e.g. 13812345678 or 057188886666; empty if invalid. */
    public static Optional<String> normalise(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 30) {
            return Optional.empty();
        }
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
