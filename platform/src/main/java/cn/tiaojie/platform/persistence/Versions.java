package cn.tiaojie.platform.persistence;

import cn.tiaojie.platform.problem.ProblemException;

/**
 * Optimistic locking as the services check it: a write names the version it read (a REST If-Match, a field of a
 * command) and is refused when the entity has moved on since, instead of overwriting someone else's change.
 */
public final class Versions {

    private Versions() {
    }

    /** 412 when an expected version other than the current one was named; none named passes. */
    public static void requireMatch(Long expectedVersion, long currentVersion, String what) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new ProblemException(412, "Precondition failed", what + " has changed (version " + currentVersion
                    + ", If-Match " + expectedVersion + "): read it again");
        }
    }
}
