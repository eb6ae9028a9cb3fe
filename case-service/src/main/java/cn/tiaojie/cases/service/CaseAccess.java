package cn.tiaojie.cases.service;

import cn.tiaojie.cases.CaseTeamMember;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who sees which case: staff their center's, supervisors their jurisdiction's, mediators the cases they are on,
 * residents their own, admins all. A case outside the caller's scope answers 404, as if it did not exist.
 */
@ApplicationScoped
public class CaseAccess {

    public boolean canSee(Caller caller, DisputeCase c) {
        if (caller.is(Claims.ADMIN)) {
            return true;
        }
        if (caller.is(Claims.STAFF) && caller.center().filter(c.centerCode::equals).isPresent()) {
            return true;
        }
        if (caller.is(Claims.SUPERVISOR) && caller.area().filter(a -> AreaCodes.isWithin(c.areaCode, a)).isPresent()) {
            return true;
        }
        if (caller.is(Claims.MEDIATOR) && caller.mediatorId()
                .filter(m -> CaseTeamMember.count("caseId = ?1 and mediatorId = ?2", c.id, m) > 0).isPresent()) {
            return true;
        }
        return caller.is(Claims.RESIDENT) && caller.caseId().filter(c.id.toString()::equals).isPresent();
    }

    /** The case, if the caller may see it; 404 otherwise. */
    public DisputeCase visible(Caller caller, java.util.UUID id) {
        DisputeCase c = DisputeCase.findById(id);
        if (c == null || !canSee(caller, c)) {
            throw ProblemException.notFound("case", id);
        }
        return c;
    }

    /** The case, if the caller is staff of its center (or admin); 404 if they cannot see it, 403 if only see. */
    public DisputeCase manageable(Caller caller, java.util.UUID id) {
        DisputeCase c = visible(caller, id);
        boolean ownCenter = caller.is(Claims.STAFF) && caller.center().filter(c.centerCode::equals).isPresent();
        if (!ownCenter && !caller.is(Claims.ADMIN)) {
            throw ProblemException.forbidden("only staff of center " + c.centerCode + " may change this case");
        }
        return c;
    }

    /** The case, if the caller is its center's staff or a supervisor of its jurisdiction (or admin). */
    public DisputeCase supervisable(Caller caller, java.util.UUID id) {
        DisputeCase c = visible(caller, id);
        if (!isOwnCenter(caller, c) && !isSupervisorOf(caller, c) && !caller.is(Claims.ADMIN)) {
            throw ProblemException.forbidden("only staff of center " + c.centerCode + " or its supervisors may do this");
        }
        return c;
    }

    /** Who sees parties' phone and ID numbers in full: the center's staff, admins, and a party their own. */
    public java.util.function.Predicate<cn.tiaojie.cases.Party> revealsPersonalData(Caller caller, DisputeCase c) {
        if (isOwnCenter(caller, c) || caller.is(Claims.ADMIN)) {
            return p -> true;
        }
        if (caller.is(Claims.RESIDENT)) {
            String party = caller.partyId().orElse("");
            return p -> p.id.toString().equals(party);
        }
        return p -> false;
    }

    /** A resident's own party on this case; 403 if the token names none. */
    public java.util.UUID ownParty(Caller caller, DisputeCase c) {
        return caller.partyId().filter(id -> c.parties.stream().anyMatch(p -> p.id.toString().equals(id)))
                .map(java.util.UUID::fromString)
                .orElseThrow(() -> ProblemException.forbidden("your token names no party of this case"));
    }

    private static boolean isOwnCenter(Caller caller, DisputeCase c) {
        return caller.is(Claims.STAFF) && caller.center().filter(c.centerCode::equals).isPresent();
    }

    private static boolean isSupervisorOf(Caller caller, DisputeCase c) {
        return caller.is(Claims.SUPERVISOR) && caller.area().filter(a -> AreaCodes.isWithin(c.areaCode, a)).isPresent();
    }
}
