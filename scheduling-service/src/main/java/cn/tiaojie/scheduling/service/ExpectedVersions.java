package cn.tiaojie.scheduling.service;

import cn.tiaojie.platform.problem.ProblemException;

/**
 * A change that names the version it read (the REST API's If-Match) applies only to that version: otherwise 412,
 * with the same answer as {@code ETags.requireMatch}, which lives at the REST edge.
 */
public final class ExpectedVersions {

    private ExpectedVersions() {
    }

    /** Refuses the change when {@code expectedVersion} is given and is not the current one. */
    public static void requireMatch(Long expectedVersion, long currentVersion, String what) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new ProblemException(412, "Precondition failed", what + " has changed (version " + currentVersion
                    + ", If-Match " + expectedVersion + "): read it again");
        }
    }
}
