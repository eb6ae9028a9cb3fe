package cn.tiaojie.platform.rest;

import cn.tiaojie.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETags are entity versions; a stale If-Match is refused by the service ({@code Versions.requireMatch}). */
public final class ETags {

    private ETags() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names; null when absent or "*". */
    public static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be an ETag this service issued");
        }
    }
}
