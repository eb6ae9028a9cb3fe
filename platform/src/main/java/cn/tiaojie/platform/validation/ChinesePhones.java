package cn.tiaojie.platform.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Phone numbers of the mainland Chinese numbering plan, checked by libphonenumber. */
public final class ChinesePhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ChinesePhones() {
    }

    /**
     * The last few answers of this thread: a request's numbers are checked by bean validation and then normalised
     * again by the code that stores them, on the same thread, and parsing is the costly part.
     */
    private static final ThreadLocal<RecentAnswers> RECENT = ThreadLocal.withInitial(RecentAnswers::new);

    /** A valid mobile or fixed-line number in national digits, e.g. 13812345678 or 057188886666; empty if invalid. */
    public static Optional<String> normalise(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 30) {
            return Optional.empty();
        }
        return RECENT.get().answer(phone);
    }

    private static final class RecentAnswers {
        private static final int SIZE = 4;
        private final String[] phones = new String[SIZE];
        private final List<Optional<String>> answers = new ArrayList<>(Collections.nCopies(SIZE, Optional.empty()));
        private int next;

        Optional<String> answer(String phone) {
            for (int i = 0; i < SIZE; i++) {
                if (phone.equals(phones[i])) {
                    return answers.get(i);
                }
            }
            Optional<String> answer = parse(phone);
            phones[next] = phone;
            answers.set(next, answer);
            next = (next + 1) % SIZE;
            return answer;
        }
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
