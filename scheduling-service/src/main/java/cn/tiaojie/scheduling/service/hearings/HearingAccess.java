package cn.tiaojie.scheduling.service.hearings;

import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingParticipant;
import cn.tiaojie.scheduling.model.ParticipantKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who sees which hearing: staff their center's, supervisors their jurisdiction's, mediators the hearings they
 * attend, admins all.
 */
@ApplicationScoped
public class HearingAccess {

    public boolean canSee(Caller caller, Hearing h) {
        if (caller.is(Claims.ADMIN)) {
            return true;
        }
        if (caller.is(Claims.STAFF) && caller.center().filter(h.centerCode::equals).isPresent()) {
            return true;
        }
        if (caller.is(Claims.SUPERVISOR) && caller.area().filter(a -> AreaCodes.isWithin(h.areaCode, a)).isPresent()) {
            return true;
        }
        if (isPartyOf(caller, h)) {
            return true;
        }
        return caller.is(Claims.MEDIATOR) && caller.mediatorId().filter(m -> h.participants.stream()
                .anyMatch(p -> p.kind == ParticipantKind.MEDIATOR && p.participantId.equals(m))).isPresent();
    }

    /** A resident whose token names this hearing's case and one of its parties. */
    public boolean isPartyOf(Caller caller, Hearing h) {
        return caller.is(Claims.RESIDENT) && caller.caseId().filter(h.caseId.toString()::equals).isPresent()
                && caller.partyId().filter(p -> h.hasParticipant(ParticipantKind.PARTY, p)).isPresent();
    }

    /** A mediator who attends this hearing. */
    public boolean isMediatorOf(Caller caller, Hearing h) {
        return caller.is(Claims.MEDIATOR)
                && caller.mediatorId().filter(m -> h.hasParticipant(ParticipantKind.MEDIATOR, m)).isPresent();
    }

    /** Staff, supervisors and admins who see the hearing: they manage it. */
    public boolean canManage(Caller caller, Hearing h) {
        return (caller.is(Claims.ADMIN) || caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR))
                && !isOnlyMediatorOrParty(caller) && canSee(caller, h);
    }

    private static boolean isOnlyMediatorOrParty(Caller caller) {
        return !caller.is(Claims.ADMIN) && !caller.is(Claims.STAFF) && !caller.is(Claims.SUPERVISOR);
    }

    /**
     * The same rule as a JPQL condition on {@code h} (a Hearing), adding its parameters; "true" for admins and
     * "false" for a caller whose token lacks the claim their role needs.
     */
    public String scope(Caller caller, Map<String, Object> params) {
        if (caller.is(Claims.ADMIN)) {
            return "1 = 1";
        }
        List<String> visible = new ArrayList<>();
        if (caller.is(Claims.STAFF) && caller.center().isPresent()) {
            visible.add("h.centerCode = :scopeCenter");
            params.put("scopeCenter", caller.center().get());
        }
        if (caller.is(Claims.SUPERVISOR) && caller.area().isPresent()) {
            visible.add("h.areaCode like :scopeArea");
            params.put("scopeArea", caller.area().get() + "%");
        }
        if (caller.is(Claims.MEDIATOR) && caller.mediatorId().isPresent()) {
            visible.add("exists (select 1 from HearingParticipant sp where sp.hearing = h"
                    + " and sp.kind = :scopeKind and sp.participantId = :scopeMediator)");
            params.put("scopeKind", ParticipantKind.MEDIATOR);
            params.put("scopeMediator", caller.mediatorId().get());
        }
        return visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")";
    }
}
