package cn.tiaojie.web.ui;

import java.math.BigDecimal;

/**
 * Numbers as a form's inputs hold them, for the services' JSON: a number when the text is one, else the text as it
 * was typed, which the service then refuses by field name; a blank input is absent.
 */
public final class TypedNumbers {

    private TypedNumbers() {
    }

    /** A decimal such as an amount; thousands separators are allowed. */
    public static Object decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    public static Object integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }
}
