package cn.tiaojie.platform.rest;

import cn.tiaojie.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads query parameters by hand: JAX-RS answers 404 to a query parameter it cannot convert, where a client
 * deserves a 400 that names the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The constant named by {@code value}; null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
