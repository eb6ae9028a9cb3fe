package cn.tiaojie.mediator.service;

import cn.tiaojie.platform.problem.ProblemException;

/** An edit names the version it read (If-Match at the edge): a stale one is refused instead of overwriting. */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** 412 when an edit named a version other than the current one; an edit naming none passes. */
    static void check(Long expectedVersion, long currentVersion, String what) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new ProblemException(412, "Precondition failed", what + " has changed (version " + currentVersion
                    + ", If-Match " + expectedVersion + "): read it again");
        }
    }
}
