package cn.tiaojie.platform.privacy;

/** Masks personal information for list views and logs: enough left to recognise, not enough to use. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 → 138****5678 */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** 330102199001011234 → 330102********1234 */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return idNumber;
        }
        if (idNumber.length() < 10) {
            return "****";
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /** zhang.san@example.cn → z***@example.cn */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "****" : email.charAt(0) + "***" + email.substring(at);
    }
}
