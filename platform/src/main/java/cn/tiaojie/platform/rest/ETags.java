package cn.tiaojie.platform.rest;

import cn.tiaojie.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETags are entity versions: a stale If-Match is refused instead of overwriting someone else's change. */
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

    /** 412 when an If-Match named a version other than the current one; no If-Match passes. */
    public static void requireMatch(Long expectedVersion, long currentVersion, String what) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new ProblemException(412, "Precondition failed", what + " has changed (version " + currentVersion
                    + ", If-Match " + expectedVersion + "): read it again");
        }
    }
}
