package cn.tiaojie.cases.service.access;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which case actions a caller may take on a case now: the rule table behind GET /api/cases/{id}/actions. The
 * lifecycle, summonses and aftercare check the same {@link Action#allowedIn} predicates (the plain transitions
 * through {@link CaseStatus#canMoveTo}), so the table and the endpoints cannot disagree.
 */
@ApplicationScoped
public class CaseActions {

    /** Who may take an action: the roles its endpoint allows, within the scope its access check allows. */
    enum Who {
        /** staff role, and the case's center's staff or an admin ({@link CaseAccess#manageable}) */
        CENTER_STAFF(Claims.STAFF),
        /** staff or supervisor role, and also the supervisors of its jurisdiction ({@link CaseAccess#supervisable}) */
        OVERSEERS(Claims.STAFF, Claims.SUPERVISOR);

        private final List<String> roles;

        Who(String... roles) {
            this.roles = List.of(roles);
        }
    }

    /** A case action, named as the last segment of its endpoint's path. */
    public enum Action {
        FILE("file", Who.CENTER_STAFF, c -> c.status.canMoveTo(CaseStatus.FILED)),
        REJECT("reject", Who.CENTER_STAFF, c -> c.status.canMoveTo(CaseStatus.REJECTED)),
        WITHDRAW("withdraw", Who.CENTER_STAFF, c -> c.status.canMoveTo(CaseStatus.WITHDRAWN)),
        ESCALATE("escalate", Who.OVERSEERS, c -> c.status.isOpen() && c.level != AreaLevel.COUNTY),
        SUMMONS("summons", Who.OVERSEERS, c -> c.status.isOpen()),
        // the team as stored when it formed is the one a new hearing is asked for
        REQUEST_HEARING("request-hearing", Who.CENTER_STAFF, c -> c.status == CaseStatus.TEAM_ASSIGNED
                && c.teamId != null && CaseTeamMember.count("caseId", c.id) > 0),
        START_MEDIATION("start-mediation", Who.CENTER_STAFF, c -> c.status.canMoveTo(CaseStatus.IN_MEDIATION)),
        // RESOLVED and UNRESOLVED in mediation; WITHDRAWN, like withdraw, from any open status
        OUTCOME("outcome", Who.CENTER_STAFF, c -> c.status.next().stream().anyMatch(CaseStatus::isOutcome)),
        JUDICIAL_CONFIRMATION("judicial-confirmation", Who.CENTER_STAFF,
                c -> c.judicialConfirmationDue != null && c.judicialConfirmationAppliedOn == null),
        CLOSE("close", Who.CENTER_STAFF, c -> c.status.canMoveTo(CaseStatus.CLOSED)),
        FOLLOW_UPS("follow-ups", Who.CENTER_STAFF, CaseActions::hasOutcome);

        private final String segment;
        private final Who who;
        private final Predicate<DisputeCase> allowed;

        Action(String segment, Who who, Predicate<DisputeCase> allowed) {
            this.segment = segment;
            this.who = who;
            this.allowed = allowed;
        }

        public String segment() {
            return segment;
        }

        /** Whether the case's state allows the action, whoever asks. */
        public boolean allowedIn(DisputeCase c) {
            return allowed.test(c);
        }
    }

    private final CaseAccess access;

    CaseActions(CaseAccess access) {
        this.access = access;
    }

    /** The actions the caller may take on the case now, in the table's order; none for mediators and residents. */
    public List<Action> available(Caller caller, DisputeCase c) {
        boolean manages = access.mayManage(caller, c);
        boolean oversees = access.mayOversee(caller, c);
        return Arrays.stream(Action.values())
                .filter(a -> a.who.roles.stream().anyMatch(caller::is))
                .filter(a -> a.who == Who.CENTER_STAFF ? manages : oversees)
                .filter(a -> a.allowedIn(c))
                .toList();
    }

    /** Whether the mediation has ended in an outcome (a rejection is none), kept once the case is closed. */
    public static boolean hasOutcome(DisputeCase c) {
        return c.outcome != null && c.outcome.isOutcome();
    }
}
