package cn.tiaojie.cases.service.access;

import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Who sees which case: staff their center's, supervisors their jurisdiction's, mediators the cases they are on,
 * residents their own, admins all. A case outside the caller's scope answers 404, as if it did not exist.
 */
@ApplicationScoped
public class CaseAccess {

    public boolean canSee(Caller caller, DisputeCase c) {
        if (mayOversee(caller, c)) {
            return true;
        }
        if (caller.is(Claims.MEDIATOR) && caller.mediatorId()
                .filter(m -> CaseTeamMember.count("caseId = ?1 and mediatorId = ?2", c.id, m) > 0).isPresent()) {
            return true;
        }
        return caller.is(Claims.RESIDENT) && caller.caseId().filter(c.id.toString()::equals).isPresent();
    }

    /** A JPQL condition on DisputeCase, with its named parameters. */
    public record Condition(String jpql, Map<String, Object> params) {
    }

    /**
     * The cases the caller may list and count, as a condition: staff their center's, supervisors their area's and
     * below, admins all (mediators and residents list none).
     */
    public Condition listable(Caller caller) {
        if (caller.is(Claims.ADMIN)) {
            return new Condition("1 = 1", Map.of());
        }
        if (caller.is(Claims.STAFF)) {
            return new Condition("centerCode = :ownCenter", Map.of("ownCenter", caller.center().orElse("")));
        }
        if (caller.is(Claims.SUPERVISOR)) {
            return new Condition("areaCode like :ownArea", Map.of("ownArea", caller.area().orElse("-") + "%"));
        }
        return new Condition("1 = 0", Map.of());
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
        if (!mayManage(caller, c)) {
            throw ProblemException.forbidden("only staff of center " + c.centerCode + " may change this case");
        }
        return c;
    }

    /** The case, if the caller is its center's staff or a supervisor of its jurisdiction (or admin). */
    public DisputeCase supervisable(Caller caller, java.util.UUID id) {
        DisputeCase c = visible(caller, id);
        if (!mayOversee(caller, c)) {
            throw ProblemException.forbidden("only staff of center " + c.centerCode + " or its supervisors may do this");
        }
        return c;
    }

    /** Who may change a case (with a staff role, as the endpoints require): its center's staff and admins. */
    public boolean mayManage(Caller caller, DisputeCase c) {
        return isOwnCenter(caller, c) || caller.is(Claims.ADMIN);
    }

    /** Who may escalate a case or summon departments to it: also the supervisors of its jurisdiction. */
    public boolean mayOversee(Caller caller, DisputeCase c) {
        return mayManage(caller, c) || isSupervisorOf(caller, c);
    }

    /** Who sees parties' phone and ID numbers in full: the center's staff, admins, and a party their own. */
    public java.util.function.Predicate<cn.tiaojie.cases.model.Party> revealsPersonalData(Caller caller, DisputeCase c) {
        if (mayManage(caller, c)) {
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
